"""Shared code of the Streamlit workbench: translations, session state, widgets, tables, charts,
and the larger parts of the Business case (``ui.case``) and Følsomhed (``ui.sensitivity``) pages.

The engine (``model/``) never imports this package; this package is the only
place besides ``app.py`` and ``app_pages/`` that imports streamlit.
"""
