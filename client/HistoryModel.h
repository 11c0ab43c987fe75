#pragma once
#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

/// My finished jobs of the last 90 days (GET /api/v1/jobs?history=1, filtered here: the server has no
/// date parameter): printed (where, when, pages, cost), deleted and expired, newest first.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The columns.
    enum Column { NameColumn, StateColumn, WhereColumn, WhenColumn, PagesColumn, CostColumn, ColumnCount };
    Q_ENUM(Column)
    /// How far back the history goes.
    static constexpr int Days = 90;

    /// Creates an empty model.
    explicit HistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces the rows with the finished jobs of `answer` ({"jobs": [...]}) that ended within the
    /// last 90 days before `now`; live jobs are left out. Returns false without "jobs".
    bool setJobsFromJson(const QJsonObject& answer, const QDateTime& now = QDateTime::currentDateTimeUtc());

    /// Returns when a job ended: its "finished" time when the server sends one, else the expiry for
    /// expired jobs and the submission time for the others.
    static QDateTime endedAt(const QJsonObject& job);

private:
    QList<QJsonObject> m_jobs;
};
