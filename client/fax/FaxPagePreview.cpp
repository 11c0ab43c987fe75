#include "FaxPagePreview.h"

#include "ApiReply.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {
QIcon placeholder(int page)
{
    // A page-shaped blank with its number until the thumbnail arrives.
    QPixmap pm(FaxPagePreview::ThumbnailWidth, FaxPagePreview::ThumbnailWidth * 297 / 210);
    pm.fill(Qt::white);
    QPainter p(&pm);
    p.setPen(QColor(0xc0, 0xc0, 0xc0));
    p.drawRect(pm.rect().adjusted(0, 0, -1, -1));
    p.drawText(pm.rect(), Qt::AlignCenter, QString::number(page));
    return QIcon(pm);
}
} // namespace

FaxPagePreview::FaxPagePreview(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("faxPreview"));
    m_thumbs = new QListWidget(this);
    m_thumbs->setObjectName(QStringLiteral("thumbnails"));
    m_thumbs->setViewMode(QListView::IconMode);
    m_thumbs->setFlow(QListView::TopToBottom);
    m_thumbs->setWrapping(false);
    m_thumbs->setMovement(QListView::Static);
    m_thumbs->setIconSize(QSize(ThumbnailWidth, ThumbnailWidth * 297 / 210));
    m_thumbs->setSpacing(6);
    m_thumbs->setFixedWidth(ThumbnailWidth + 44);
    m_thumbs->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    m_pageLabel = new QLabel(this);
    m_pageLabel->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_pageLabel->setBackgroundRole(QPalette::Dark);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("pageView"));
    m_scroll->setWidget(m_pageLabel);
    m_scroll->setWidgetResizable(true);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_scroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("previewMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);

    m_stack = new QStackedWidget(this);
    auto* pages = new QWidget(this);
    auto* pagesLayout = new QHBoxLayout(pages);
    pagesLayout->setContentsMargins(0, 0, 0, 0);
    pagesLayout->addWidget(m_thumbs);
    pagesLayout->addWidget(m_scroll, 1);
    m_stack->addWidget(pages);
    m_stack->addWidget(m_message);

    m_zoom = new QComboBox(this);
    m_zoom->setObjectName(QStringLiteral("zoom"));
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setBuddy(m_zoom);
    auto* zoomRow = new QHBoxLayout;
    zoomRow->addStretch(1);
    zoomRow->addWidget(m_zoomLabel);
    zoomRow->addWidget(m_zoom);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack, 1);
    layout->addLayout(zoomRow);
    retranslate();

    connect(m_thumbs, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            fetchPage(row + 1);
    });
    connect(m_zoom, &QComboBox::currentIndexChanged, this, &FaxPagePreview::showPage);
    showMessage({});
}

FaxPagePreview::~FaxPagePreview() = default;

void FaxPagePreview::retranslate()
{
    m_zoomLabel->setText(tr("&Zoom:"));
    const int current = qMax(0, m_zoom->currentIndex());
    const QSignalBlocker block(m_zoom);
    m_zoom->clear();
    m_zoom->addItem(tr("Fit to width"), 0);
    for (int percent : {50, 75, 100, 150, 200})
        m_zoom->addItem(tr("%1 %").arg(percent), percent);
    m_zoom->setCurrentIndex(current);
}

void FaxPagePreview::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FaxPagePreview::showMessage(const QString& message)
{
    ++m_generation;
    m_pageCount = 0;
    m_thumbs->clear();
    m_page = QImage();
    m_pageLabel->clear();
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
    m_zoom->setEnabled(false);
}

void FaxPagePreview::setDocument(const PageFetcher& fetch, int pageCount)
{
    showMessage({});
    m_fetch = fetch;
    m_pageCount = pageCount;
    m_thumbnailsLoaded = 0;
    m_thumbnailsPending = pageCount;
    const int generation = m_generation;
    m_stack->setCurrentIndex(0);
    m_zoom->setEnabled(true);
    const QSignalBlocker block(m_thumbs);
    for (int page = 1; page <= pageCount; ++page) {
        auto* item = new QListWidgetItem(placeholder(page), tr("Page %1").arg(page), m_thumbs);
        item->setTextAlignment(Qt::AlignHCenter);
        ApiReply* reply = fetch(page, ThumbnailWidth);
        connect(reply, &ApiReply::finished, this, [this, reply, page, generation] {
            reply->deleteLater();
            if (generation != m_generation)
                return;
            QImage image;
            if (reply->ok() && image.loadFromData(reply->data())) {
                if (QListWidgetItem* it = m_thumbs->item(page - 1)) {
                    // A thin frame: a white page must still show where it ends.
                    QPixmap pm =
                        QPixmap::fromImage(image.scaledToWidth(ThumbnailWidth, Qt::SmoothTransformation));
                    QPainter p(&pm);
                    p.setPen(QColor(0xa0, 0xa0, 0xa0));
                    p.drawRect(pm.rect().adjusted(0, 0, -1, -1));
                    p.end();
                    it->setIcon(QIcon(pm));
                }
                ++m_thumbnailsLoaded;
            }
            if (--m_thumbnailsPending == 0)
                Q_EMIT thumbnailsDone();
        });
    }
    if (pageCount > 0) {
        m_thumbs->setCurrentRow(0);
        fetchPage(1);
    }
}

int FaxPagePreview::currentPage() const
{
    return m_pageCount > 0 ? m_thumbs->currentRow() + 1 : 0;
}

void FaxPagePreview::setCurrentPage(int page)
{
    if (page >= 1 && page <= m_pageCount)
        m_thumbs->setCurrentRow(page - 1);
}

void FaxPagePreview::fetchPage(int page)
{
    if (!m_fetch || page < 1 || page > m_pageCount)
        return;
    if (m_pageReply)
        m_pageReply->deleteLater();
    ApiReply* reply = m_fetch(page, PageWidth);
    m_pageReply = reply;
    const int generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, page, generation] {
        reply->deleteLater();
        if (generation != m_generation || reply != m_pageReply)
            return;
        QImage image;
        if (reply->ok() && image.loadFromData(reply->data())) {
            m_page = image;
            showPage();
            Q_EMIT pageShown(page);
        } else {
            m_page = QImage();
            m_pageLabel->setText(tr("This page cannot be shown right now."));
        }
    });
}

void FaxPagePreview::showPage()
{
    if (m_page.isNull())
        return;
    const int percent = m_zoom->currentData().toInt();
    int width = 0;
    if (percent == 0)
        width = m_scroll->viewport()->width() - 16;
    else
        width = m_page.width() * percent / 100 * 2 / 3; // 100 % is about the page's size on a screen
    width = qBound(80, width, 2400);
    QPixmap pm = QPixmap::fromImage(m_page.scaledToWidth(width, Qt::SmoothTransformation));
    m_pageLabel->setPixmap(pm);
}

void FaxPagePreview::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_zoom->currentData().toInt() == 0)
        showPage();
}
