"""Open Jeugd: software for a Dutch jeugdregio to organise, pay for and steer youth care."""

__version__ = "0.1.0"
