#include "ProcessPrivacy.h"

#include <QTest>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

class TestProcessPrivacy : public QObject
{
    Q_OBJECT
private slots:
    void keepsMemoryPrivate();
};

void TestProcessPrivacy::keepsMemoryPrivate()
{
    // In a child, so that this test process stays as it was.
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        int code = 0;
        if (::prctl(PR_GET_DUMPABLE) != 1)
            code |= 1; // dumpable before, or the check below proves nothing
        QString error;
        if (!ProcessPrivacy::keepMemoryPrivate(&error) || !error.isEmpty())
            code |= 2;
        if (::prctl(PR_GET_DUMPABLE) != 0)
            code |= 4;
        rlimit core{};
        if (::getrlimit(RLIMIT_CORE, &core) != 0 || core.rlim_cur != 0 || core.rlim_max != 0)
            code |= 8;
        // The hard limit holds: the process cannot give itself core files back. Root could (with
        // CAP_SYS_RESOURCE), so as root the child first becomes nobody, as the server runs unprivileged.
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            code |= 32;
        const rlimit again{RLIM_INFINITY, RLIM_INFINITY};
        if (::setrlimit(RLIMIT_CORE, &again) == 0)
            code |= 16;
        ::_exit(code);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
}

QTEST_GUILESS_MAIN(TestProcessPrivacy)
#include "TestProcessPrivacy.moc"
