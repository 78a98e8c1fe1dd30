"""One module per page, each registering its route."""
