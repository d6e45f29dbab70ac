"""The one error the codec raises for input it cannot turn into a message."""

from .codes import TECHNICAL_REJECTION

# WJ001 0001: "Bericht is afgekeurd om technische redenen" - the code the standard uses for
# every failure at control levels 1 and 2 (XSD and in-message checks, IV028).
TECHNICAL = TECHNICAL_REJECTION


class CodecError(ValueError):
    def __init__(self, retourcode: str, message: str, path: str | None = None):
        super().__init__(f"{message} ({path})" if path else message)
        self.retourcode = retourcode
        self.message = message
        self.path = path
