"""The desktop app: thin Qt models, views and workers over the core."""
