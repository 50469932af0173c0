"""xlwings-server's custom auth provider: one shared access token (GOCKURUL_TOKEN), compared in constant time.

The task pane sends it as `Authorization: Bearer <token>` (static/js/auth.js). Provinces with Microsoft 365
use Entra ID instead (XLWINGS_AUTH_PROVIDERS=["entraid"], see README).
"""

import hmac
import os

from fastapi import HTTPException, status
from xlwings_server.models import User

UNAUTHORIZED = (
    "Yetkisiz: geçerli bir erişim anahtarı gönderin (görev bölmesindeki 'Erişim anahtarı' alanına "
    "bilgi işlem biriminin verdiği anahtarı yazın)."
)


async def validate_token(token_string: str):
    expected = os.environ.get("GOCKURUL_TOKEN", "")
    given = token_string[7:] if token_string[:7].lower() == "bearer " else token_string
    if expected and hmac.compare_digest(given.strip().encode(), expected.encode()):
        return User(id="gockurul", name="Göç Kurulu kullanıcısı")
    raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail=UNAUTHORIZED)
