"""Tables, one module per feature; importing this package registers them all with SQLModel."""
from storage.models.core import *  # noqa: F403  (core's __all__: the shared tables and utcnow)
from storage.models import (audit, broadcasts, checkins, deadletter, deliberation, gazetteer, growth, lessons,  # noqa: F401
                            open311, points, telegram, voice, web)  # (imported to register their tables)
