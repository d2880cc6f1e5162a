"""corpusqa: cited answers from a folder of news articles, offline."""
