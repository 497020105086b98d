"""`python -m kzir` runs the same CLI as the `kzir` command."""

from .cli import main

if __name__ == "__main__":
    main()
