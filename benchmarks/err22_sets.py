"""ERR22's counts and blind set 21's errors: ``err_sets.py`` for blind set 21.

``--with-blind`` counts blind set 21 too (it was ``--blind21``); see ``err_sets.py``.
"""

from __future__ import annotations

from err_sets import main

if __name__ == "__main__":
    main(blind=21)
