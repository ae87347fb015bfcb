"""The business-case engine: pure Python, no user interface.

Every figure is computed from named assumptions through the lines of a case
file. Amounts are in 1.000 kr. at the case's price level, costs positive,
savings negative. Typical use::

    from model import load_case, evaluate
    result = evaluate(load_case("cases/i4.yaml"))
    result.kpis.payback_years      # 6
    result.section1()              # the document's section-1 table

See ``docs/`` for the case-file format and the conventions.

The public API is gathered here from ``model/api/``, one module per area
(reading, evaluation, analysis, portfolio_choice, follow_up, domain, exports,
scenario_store), each with its own ``__all__``. A new public name goes in the
area of the module that defines it; ``__all__`` below follows.
"""


from .api import analysis as _analysis
from .api import domain as _domain
from .api import evaluation as _evaluation
from .api import exports as _exports
from .api import follow_up as _follow_up
from .api import portfolio_choice as _portfolio_choice
from .api import reading as _reading
from .api import scenario_store as _scenario_store

# Re-exported after every area has loaded, so that a function named like its module (``evaluate``,
# ``overview``, ``tornado``, ...) is what ``model.<name>`` means, never the submodule.
from .api.analysis import *  # noqa: F403
from .api.domain import *  # noqa: F403
from .api.evaluation import *  # noqa: F403
from .api.exports import *  # noqa: F403
from .api.follow_up import *  # noqa: F403
from .api.portfolio_choice import *  # noqa: F403
from .api.reading import *  # noqa: F403
from .lazy import lazy_names

__all__: list[str] = []
__all__ += _reading.__all__
__all__ += _evaluation.__all__
__all__ += _analysis.__all__
__all__ += _portfolio_choice.__all__
__all__ += _follow_up.__all__
__all__ += _domain.__all__
__all__ += _exports.__all__
__all__ += list(_scenario_store.LAZY)


#: ``model.ScenarioStore`` and the other scenario-store names, imported when first used.
__getattr__ = lazy_names(__name__, _scenario_store.LAZY, globals())
