from .ingest import Outcome, ingest, process_pending

__all__ = ["Outcome", "ingest", "process_pending"]
