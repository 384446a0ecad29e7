"""Tables, one module per feature; importing this package registers them all with SQLModel."""
from storage.models.core import *  # noqa: F403
from storage.models.core import utcnow  # noqa: F401
from storage.models import (audit, broadcasts, checkins, deadletter, gazetteer, lessons, open311,  # noqa: F401
                            points, telegram, voice, web)  # (register their tables)
