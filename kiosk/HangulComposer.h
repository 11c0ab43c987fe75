#pragma once
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

/// Hangul typing for the on-screen keyboard's Korean (두벌식) layout: each jamo key joins the
/// syllable before it where Korean writing does (ㄱ ㅣ ㅁ → 김, 간 + ㅏ → 가나, ㅗ + ㅏ → ㅘ, ㄹ + ㄱ → ㄺ).
/// Shown to QML as the singleton `Hangul`.
class HangulComposer : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Hangul)
    QML_SINGLETON
public:
    explicit HangulComposer(QObject* parent = nullptr);

    /// Returns `text` with the compatibility jamo `jamo` (ㄱ..ㅎ, ㅏ..ㅣ) typed at its end, joined with
    /// the last character where it can be; anything else is appended as it is.
    Q_INVOKABLE static QString type(const QString& text, const QString& jamo);
};
