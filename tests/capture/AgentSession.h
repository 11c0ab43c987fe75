#pragma once
#include "ApiClient.h"
#include "CaptureService.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QObject>

/// What the headless test agents (CaptureAgent, FaxAgent) share: their common options, the
/// CaptureService the tray app runs, signing in with $MPS_AGENT_PASSWORD (again whenever the session
/// ends or the server could not be reached) and their JSON event lines on stdout: "started",
/// "signed-in", "sign-in-failed", "failed" (an upload) and "error" (then the application exits 2).
class AgentSession : public QObject
{
public:
    /// Adds --server, --user, --outbox, --socket, --grace-ms and --keychain-service to `parser`.
    static void addOptions(QCommandLineParser& parser);
    /// Writes `event` as one compact JSON line to stdout and flushes it.
    static void emitEvent(const QJsonObject& event);

    /// Makes the ApiClient and CaptureService from `parser`'s (processed) options; nothing starts yet.
    AgentSession(QCoreApplication* app, const QCommandLineParser& parser);

    /// The client the agent signs in with.
    ApiClient* api() { return &m_api; }
    /// The tray app's capture service, as the agent runs it.
    CaptureService* capture() { return &m_capture; }
    /// Starts capturing; signs in once it has started.
    void start();

private:
    static CaptureService::Options optionsFrom(const QCommandLineParser& parser);
    void signIn();

    QCoreApplication* m_app;
    ApiClient m_api;
    CaptureService m_capture;
    QString m_user;
    QString m_password;
};
