"""Writing many measurements at once, each with its history record (issue 16).

What ``simple_history.utils.bulk_create_with_history`` and ``bulk_update_with_history`` do, in
a fixed number of statements whatever the number of rows: one statement per table and kind of
change (``unnest`` of arrays on PostgreSQL, ``executemany`` on SQLite), and one query to learn
the ids of new rows. Django's ``bulk_create`` compiles
every value of a multi-row INSERT into SQL (at 10,000 rows with their history that took
seconds) and on SQLite cuts it into statements of 111 rows; ``bulk_update`` writes a CASE with
one branch per row, which SQLite evaluates for every row (quadratic).

The history records are those ``django-simple-history`` writes itself: all fields of the
measurement, the date of the change, its type ("+" created, "~" changed) and the user.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.models import Field

from .models import Measurement

HISTORY_TYPES = {"+", "~"}


@dataclass(slots=True)
class NewValue:
    """A measurement to insert: the stored fields by their column names, nothing more (building
    10,000 model instances costs more than writing them)."""

    indicator_id: int
    date: datetime.date
    value: Decimal
    municipality_id: int | None = None
    period_label: str = ""
    source: str = ""
    note: str = ""
    id: int | None = None
    created: datetime.datetime | None = None
    modified: datetime.datetime | None = None


class _Prepared:
    """Database values of model fields. Text and ids go to the driver as they are; dates,
    times and decimals are prepared by the field, each distinct value once (they repeat across
    thousands of rows)."""

    PLAIN = (models.CharField, models.TextField, models.IntegerField, models.ForeignKey)

    def __init__(self):
        self.connection = connections[DEFAULT_DB_ALIAS]  # not the thread-local proxy per value
        self._cache: dict[tuple[Field, object], object] = {}

    def __call__(self, field: Field, value):
        if value is None or isinstance(field, self.PLAIN):
            return value
        key = (field, value)
        try:
            return self._cache[key]
        except KeyError:
            prepared = self._cache[key] = field.get_db_prep_save(value, self.connection)
            return prepared


def _insert(model, fields: list[Field], rows: list[list]) -> None:
    """INSERT ``rows`` (values in the order of ``fields``) in one statement.

    PostgreSQL: one INSERT … SELECT from ``unnest`` of one array per column (psycopg2's
    ``executemany`` is a round trip per row). SQLite: ``executemany`` of one prepared statement,
    in process.
    """
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            arrays = ", ".join(f"%s::{field.db_type(connection)}[]" for field in fields)
            cursor.execute(
                f"INSERT INTO {table} ({columns}) SELECT * FROM unnest({arrays})",
                [list(column) for column in zip(*rows, strict=True)],
            )
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)


def _update(model, fields: list[Field], rows: list[list]) -> None:
    """UPDATE ``fields`` of the rows whose pk ends each of ``rows``, in one statement."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    pk = model._meta.pk
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            names = [f"v{i}" for i in range(len(fields))]
            arrays = ", ".join(f"%s::{field.db_type(connection)}[]" for field in [*fields, pk])
            assignments = ", ".join(
                f"{quote(field.column)} = v.{name}"
                for field, name in zip(fields, names, strict=True)
            )
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM unnest({arrays}) "
                f"AS v({', '.join(names)}, pk) WHERE {table}.{quote(pk.column)} = v.pk",
                [list(column) for column in zip(*rows, strict=True)],
            )
        else:
            assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
            cursor.executemany(
                f"UPDATE {table} SET {assignments} WHERE {quote(pk.column)} = %s", rows
            )


def _values(obj, fields: list[Field], prepared: _Prepared) -> list:
    return [prepared(field, getattr(obj, field.attname)) for field in fields]


def insert_measurements(objs: list[NewValue], *, user, now) -> None:
    """INSERT ``objs``, set their ids and write their history ("+").

    Two statements and one query, whatever the number of rows. The caller holds the
    transaction and has made sure no two objects share Kennzahl, Stichtag and Kommune.
    """
    if not objs:
        return
    for obj in objs:
        obj.created = obj.modified = now
    fields = [field for field in Measurement._meta.concrete_fields if not field.primary_key]
    prepared = _Prepared()
    _insert(Measurement, fields, [_values(obj, fields, prepared) for obj in objs])
    # The new ids, found by the unique key of a measurement (one query; order-independent).
    ids = {
        (indicator, day, municipality): pk
        for pk, indicator, day, municipality in Measurement.objects.filter(
            indicator_id__in={obj.indicator_id for obj in objs},
            date__in={obj.date for obj in objs},
        ).values_list("pk", "indicator_id", "date", "municipality_id")
    }
    for obj in objs:
        obj.id = ids[obj.indicator_id, obj.date, obj.municipality_id]
    write_history(objs, history_type="+", user=user, now=now)


def update_measurements(objs: list[Measurement], fields: Iterable[str], *, user, now) -> None:
    """UPDATE ``fields`` (and ``modified``) of stored ``objs`` and write their history ("~")."""
    if not objs:
        return
    names = [*dict.fromkeys([*fields, "modified"])]
    model_fields = [Measurement._meta.get_field(name) for name in names]
    prepared = _Prepared()
    for obj in objs:
        obj.modified = now
    _update(
        Measurement,
        model_fields,
        [[*_values(obj, model_fields, prepared), obj.pk] for obj in objs],
    )
    write_history(objs, history_type="~", user=user, now=now)


def write_history(
    objs: list[Measurement] | list[NewValue], *, history_type: str, user, now
) -> None:
    """One history record per object, as ``django-simple-history`` writes it (one statement)."""
    assert history_type in HISTORY_TYPES
    history = Measurement.history.model
    tracked = [field for field in history._meta.concrete_fields if not field.primary_key]
    own = {field.attname for field in Measurement._meta.concrete_fields}
    extra = {
        "history_date": now,
        "history_change_reason": None,
        "history_type": history_type,
        "history_user_id": user.pk if user is not None else None,
    }
    prepared = _Prepared()
    rows = []
    for obj in objs:
        rows.append(
            [
                prepared(field, getattr(obj, field.attname))
                if field.attname in own
                else prepared(field, extra[field.attname])
                for field in tracked
            ]
        )
    _insert(history, tracked, rows)
