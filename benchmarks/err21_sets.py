"""ERR21's counts and blind set 20's errors: ``err_sets.py`` for blind set 20.

``--with-blind`` counts blind set 20 too (it was ``--blind20``); see ``err_sets.py``.
"""

from __future__ import annotations

from err_sets import main

if __name__ == "__main__":
    main(blind=20)
