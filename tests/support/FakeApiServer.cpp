#include "FakeApiServer.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

QJsonObject FakeApiServer::Request::json() const
{
    return QJsonDocument::fromJson(body).object();
}

FakeApiServer::FakeApiServer(QObject* parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* s = m_server->nextPendingConnection()) {
            connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadyRead(s); });
            connect(s, &QTcpSocket::disconnected, this, [this, s] {
                m_buffers.remove(s);
                s->deleteLater();
            });
        }
    });
}

FakeApiServer::~FakeApiServer() = default;

bool FakeApiServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

FakeApiServer::Answer FakeApiServer::answerFor(const Request& req) const
{
    // A route naming query items ("/api/v1/usage/report?by=user") wins over the bare path when the
    // request has all of them; among those, the one naming the most.
    const QString key = QString::fromLatin1(req.method) + QLatin1Char(' ') + req.path;
    const QUrlQuery asked(req.query);
    const Answer* best = nullptr;
    qsizetype bestItems = -1;
    for (auto it = m_routes.cbegin(); it != m_routes.cend(); ++it) {
        const qsizetype mark = it.key().indexOf(QLatin1Char('?'));
        if ((mark < 0 ? it.key() : it.key().left(mark)) != key)
            continue;
        const QList<QPair<QString, QString>> items =
            mark < 0 ? QList<QPair<QString, QString>>() : QUrlQuery(it.key().mid(mark + 1)).queryItems();
        bool all = true;
        for (const auto& item : items)
            all = all && asked.queryItemValue(item.first) == item.second && asked.hasQueryItem(item.first);
        if (all && items.size() > bestItems) {
            best = &it.value();
            bestItems = items.size();
        }
    }
    if (best)
        return *best;
    return Answer{404, "application/json", R"({"error":"not-found","message":"There is no such thing."})"};
}

QUrl FakeApiServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
}

void FakeApiServer::route(const QByteArray& method, const QString& path, int status, const QByteArray& body,
                          const QByteArray& contentType)
{
    m_routes.insert(QString::fromLatin1(method) + QLatin1Char(' ') + path, Answer{status, contentType, body});
}

void FakeApiServer::routeJson(const QByteArray& method, const QString& path, int status,
                              const QJsonObject& body)
{
    route(method, path, status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QList<FakeApiServer::Request> FakeApiServer::requests(const QByteArray& method, const QString& path) const
{
    QList<Request> out;
    for (const Request& r : m_requests) {
        if (r.method == method && r.path == path)
            out << r;
    }
    return out;
}

int FakeApiServer::eventStreams() const
{
    int n = 0;
    for (const QPointer<QTcpSocket>& s : m_streams)
        n += s && s->state() == QAbstractSocket::ConnectedState ? 1 : 0;
    return n;
}

void FakeApiServer::pushEvent(const QString& type, const QJsonObject& data)
{
    QJsonObject o = data;
    o.insert(QStringLiteral("type"), type);
    const QByteArray chunk =
        "event: " + type.toUtf8() + "\ndata: " + QJsonDocument(o).toJson(QJsonDocument::Compact) + "\n\n";
    for (const QPointer<QTcpSocket>& s : std::as_const(m_streams)) {
        if (s)
            s->write(chunk);
    }
}

void FakeApiServer::dropEventStreams()
{
    for (const QPointer<QTcpSocket>& s : std::as_const(m_streams)) {
        if (s)
            s->disconnectFromHost();
    }
    m_streams.clear();
}

void FakeApiServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buf = m_buffers[socket];
    buf += socket->readAll();
    const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Request req;
    const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    req.method = first.value(0);
    const QUrl target(QString::fromLatin1(first.value(1)));
    req.path = target.path();
    req.query = target.query();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            req.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                               lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = req.headers.value("content-length", "0").toLongLong();
    if (buf.size() < headerEnd + 4 + length)
        return; // the body is still coming
    req.body = buf.mid(headerEnd + 4, length);
    buf.clear();
    m_requests << req;

    if (req.method == "GET" && req.path == QLatin1String("/api/v1/events")) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                      "Connection: close\r\n\r\n: hello\n\n");
        m_streams << socket;
        Q_EMIT requestHandled(req.method, req.path);
        return;
    }
    const Answer a = answerFor(req);
    static const QHash<int, QByteArray> reasons = {
        {200, "OK"},          {201, "Created"},      {202, "Accepted"},
        {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"},
        {404, "Not Found"},   {409, "Conflict"},     {500, "Internal Server Error"}};
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(a.status) + ' ' + reasons.value(a.status, "Status") + "\r\n";
    head += "Content-Type: " + a.contentType + "\r\nContent-Length: " + QByteArray::number(a.body.size()) +
            "\r\nConnection: close\r\n\r\n";
    socket->write(head + a.body);
    socket->disconnectFromHost();
    Q_EMIT requestHandled(req.method, req.path);
}
