"""New rows of several models written by one statement on PostgreSQL.

Filing a case writes a few rows in up to seven tables beside the case (evidence, consents,
contact, losses, trade positions, identifiers, the mail task's row). As separate saves and
bulk_create calls they were as many statements: as many round trips, and on a busy two-core server
about half a millisecond of ORM and driver work each, a good part of what a submission costs (8 to
12 ms of a worker's CPU in all, measured with the bench).
PostgreSQL runs data-modifying statements inside WITH, so the INSERTs that Django's own compiler
writes (the same SQL and parameters bulk_create sends) are sent together as

    WITH inserted_0 AS (INSERT ...), inserted_1 AS (INSERT ...) INSERT ...

one statement, in the caller's transaction (or, outside one, as a transaction of its own), that
writes all of the rows or none. With the case's id reserved first (reserve_primary_key), the case's
own row is one of them. Other databases (SQLite) get one bulk_create per model. Nothing is read
back: rows without a primary key get none, so a caller must not use them as saved objects afterwards.
"""

from django.db import connections, router
from django.db.models import AutoField
from django.db.models.sql import InsertQuery


def reserve_primary_key(model):
    """The next value of ``model``'s numbered primary key (PostgreSQL's identity sequence), taken
    before its row is written, so that one statement can write the row and rows naming it. A value
    whose row is never written is a gap in the numbers, as a rolled-back insert leaves one."""
    using = router.db_for_write(model)
    sequence = _sequences.get((using, model))
    with connections[using].cursor() as cursor:
        if sequence is None:
            table = connections[using].ops.quote_name(model._meta.db_table)
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, model._meta.pk.column])
            sequence = _sequences[using, model] = cursor.fetchone()[0]
        cursor.execute("SELECT nextval(%s)", [sequence])
        return cursor.fetchone()[0]


# {(database alias, model): its primary key's sequence}: a table's sequence does not change.
_sequences = {}


def insert_new_rows(rows):
    """Insert ``rows``: new model instances of any models. Within a model, either every row has
    its primary key (a one-to-one primary key, say) or none has and the database numbers them."""
    by_model = {}
    for row in rows:
        if not row._state.adding:
            raise ValueError("insert_new_rows takes new rows only")
        by_model.setdefault(type(row), []).append(row)
    for model_rows in by_model.values():
        if len({row.pk is None for row in model_rows}) > 1:
            raise ValueError("insert_new_rows: rows of one model with and without a primary key")
    if not by_model:
        return
    using = router.db_for_write(next(iter(by_model)))
    connection = connections[using]
    if connection.vendor != "postgresql" or len(by_model) == 1:
        for model, model_rows in by_model.items():
            model.objects.using(using).bulk_create(model_rows)
        return
    statements, params = [], []
    for model, model_rows in by_model.items():
        numbered = model_rows[0].pk is None
        fields = [
            field
            for field in model._meta.concrete_fields
            # As bulk_create does: the database numbers rows that have no primary key.
            if not field.generated and not (numbered and isinstance(field, AutoField))
        ]
        query = InsertQuery(model)
        query.insert_values(fields, model_rows)
        # One statement per model: PostgreSQL takes a whole batch in one INSERT.
        [(statement, statement_params)] = query.get_compiler(using=using).as_sql()
        statements.append(statement)
        params.extend(statement_params)
    *first, last = statements
    combined = "WITH " + ", ".join(f"inserted_{number} AS ({sql})" for number, sql in enumerate(first)) + " " + last
    with connection.cursor() as cursor:
        cursor.execute(combined, params)
