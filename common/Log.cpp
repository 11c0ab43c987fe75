#include "Log.h"

Q_LOGGING_CATEGORY(lcSpool, "mps.core.spool", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCrypto, "mps.core.crypto", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApiClient, "mps.core.apiclient", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "mps.server.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "mps.server.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIpp, "mps.server.ipp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "mps.server.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRelease, "mps.server.release", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIngest, "mps.server.ingest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "mps.server.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExpiry, "mps.server.expiry", QtInfoMsg)
