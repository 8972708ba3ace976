"""A worker's memo of things it made (rendered parts, formatted texts), bounded by emptying it
when full: every entry is cheap to make again, and the keys hold everything the value depends on,
so nothing needs expiring one by one. Used by the admin's kept parts and the queue's widgets and
dates. A leaf: imports nothing of the project (.importlinter checks)."""


class Kept(dict):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def get_or_make(self, key, make):
        """The value kept under ``key``, else ``make()`` kept under it."""
        value = self.get(key)
        if value is None:
            value = make()
            if len(self) >= self.size:
                self.clear()
            self[key] = value
        return value
