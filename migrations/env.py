"""Alembic environment for villagebank books. The app runs migrations in code (ledger/db/migrate.py)
on its own connection; batch mode because SQLite cannot ALTER constraints."""

from alembic import context

from villagebank.ledger.db.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app always passes its connection
    raise RuntimeError("run villagebank migrations through villagebank.ledger.db.migrate")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
