"""``python -m nps_kit.demo OUT`` writes the demo dataset (see :func:`nps_kit.demo.main`)."""

import sys

from nps_kit.demo import main

sys.exit(main())
