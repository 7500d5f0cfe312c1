"""ERR23's counts and blind set 22's errors: ``err_sets.py`` for blind set 22.

Training set 26 is held out whole in ERR23 (read only through ``bench_text.py --eval``), so it is
left out of the readable sets; see ``err_sets.py``.
"""

from __future__ import annotations

from err_sets import main

if __name__ == "__main__":
    main(blind=22, held_out=(26,))
