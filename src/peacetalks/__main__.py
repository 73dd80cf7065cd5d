"""``python -m peacetalks``: the command line."""

import sys

from peacetalks._cli import main

sys.exit(main())
