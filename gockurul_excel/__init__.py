"""gockurul_excel: İl / İlçe Göç Koordinasyon Kurulu çalışma kitabı araçları."""

from .contract import TEMPLATE_VERSION

__version__ = "0.1.0"
__all__ = ["TEMPLATE_VERSION", "__version__"]
