import sys

from tuiroom.cli import main

sys.exit(main())
