"""The Qt desktop application. Widgets call services and get plain values
back; they never hold a SQLAlchemy session or ORM objects."""
