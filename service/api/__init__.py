"""HTTP routes: thin layers over the pipeline."""
