"""Shared code of the Streamlit workbench: translations, session state, widgets, charts.

The engine (``model/``) never imports this package; this package is the only
place besides ``app.py`` and ``app_pages/`` that imports streamlit.
"""
