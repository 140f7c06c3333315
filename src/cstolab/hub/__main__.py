"""``python -m cstolab.hub``: see :mod:`cstolab.hub.launch`."""

import sys

from cstolab.hub.launch import main

sys.exit(main())
