"""The bundled programme files and lists, installed as the package tuiroom.data."""
