"""A set of small integers stored in one column: the truncated blind index of a case.

PostgreSQL stores it as ``smallint[]`` (with a GIN index, added by migration, for ``@>``); SQLite as a
JSON array in text, queried with ``json_each``. ``field__has_all=[...]`` is true when the set holds
every given value.
"""

import json

from django.db import models


class BucketSetField(models.Field):
    description = "A set of small integers"

    def db_type(self, connection):
        return "smallint[]" if connection.vendor == "postgresql" else "text"

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        values = sorted({int(item) for item in value})
        if connection.vendor == "postgresql":
            # An array literal, which PostgreSQL reads as the column's type: psycopg would dump a
            # list element by element in Python (half a millisecond for a case's few hundred).
            return "{" + ",".join(map(str, values)) + "}"
        return json.dumps(values)

    def from_db_value(self, value, expression, connection):
        if value is None or isinstance(value, list):
            return value
        return json.loads(value)

    def to_python(self, value):
        if isinstance(value, str):
            return json.loads(value)
        return value


@BucketSetField.register_lookup
class HasAll(models.Lookup):
    lookup_name = "has_all"
    prepare_rhs = False

    def values(self):
        return sorted({int(item) for item in self.rhs})

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = self.values()
        marks = ", ".join(["%s"] * len(values))
        # Only placeholders and the column expression are interpolated; values are parameters.
        sql = f"(SELECT COUNT(DISTINCT value) FROM json_each({lhs}) WHERE value IN ({marks})) = %s"  # noqa: S608
        return sql, (*lhs_params, *values, len(values))

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} @> %s::smallint[]", (*lhs_params, self.values())
