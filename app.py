"""The web chat on the default corpus: `python app.py` (or `make chat`)."""

from corpusqa.ui import main

if __name__ == "__main__":
    main()
