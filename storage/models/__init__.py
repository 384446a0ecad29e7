"""Tables, one module per feature; importing this package registers them all with SQLModel."""
from storage.models.core import *  # noqa: F403  (core's __all__: the shared tables and utcnow)
from storage.models import (audit, broadcasts, checkins, deadletter, deliberation, gazetteer,  # noqa: F401
                            growth, identities, lessons, open311, points, telegram, voice, web)  # (registers their tables)
