"""Pure helpers without Django: date arithmetic and the like."""
