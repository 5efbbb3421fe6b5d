"""Bare extension instances; each is initialised in create_app (backend/__init__.py)."""
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy

from backend.db import Base
from backend.i18n.digits import Babel  # flask-babel, numbers in the language's digits

db = SQLAlchemy(model_class=Base)
login = LoginManager()
api = Api()
babel = Babel()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
