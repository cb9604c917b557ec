"""Settings profiles: ``base`` (development, the default), ``production`` and ``test``."""
