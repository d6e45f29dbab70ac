"""The static-file storage: whitenoise's compressed manifest storage, tolerant of one flaw."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Content-hashed names, gzip and brotli copies (whitenoise), as in production.

    A stylesheet of the NL Design System tokens (utrecht/tokens/background-image-icon.css)
    refers to an image its package does not ship; Django's manifest storage would stop
    collectstatic on it. Such a reference is left as written: the browser gets the same 404 for
    it as before, and every file that exists still gets its hashed name.
    """

    def hashed_name(self, name, content=None, filename=None):
        if content is None and not self.exists(self.clean_name(filename or name)):
            return name
        return super().hashed_name(name, content, filename)
