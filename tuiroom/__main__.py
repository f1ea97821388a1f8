import sys

from tuiroom.cli.main import main

sys.exit(main())
