"""Tables, one module per feature; importing this package registers them all with SQLModel."""
from storage.models.core import *  # noqa: F403
from storage.models.core import utcnow  # noqa: F401
from storage.models import (audit, broadcasts, checkins, deadletter, deliberation, gazetteer, lessons,  # noqa: F401
                            open311, points, telegram, voice)  # (register their tables)
