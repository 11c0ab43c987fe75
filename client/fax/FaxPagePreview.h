#pragma once
#include <QImage>
#include <QPointer>
#include <QWidget>

#include <functional>

class ApiReply;
class QComboBox;
class QLabel;
class QListWidget;
class QScrollArea;
class QStackedWidget;

/// A preview of every page of a fax: a strip of thumbnails (one request per page) and a larger view
/// of the selected page that zooms (fit to width, or 50-200 %). Pages come as PNG from the server
/// through a fetcher (a draft's or an inbox fax's pages call), so the same widget serves the fax
/// dialog and the inbox.
class FaxPagePreview : public QWidget
{
    Q_OBJECT
public:
    /// Fetches page `page` (1-based) `width` pixels wide.
    using PageFetcher = std::function<ApiReply*(int page, int width)>;

    /// Width of the thumbnails asked for, and of the large page.
    static constexpr int ThumbnailWidth = 120;
    static constexpr int PageWidth = 1200;

    /// Creates an empty preview.
    explicit FaxPagePreview(QWidget* parent = nullptr);
    ~FaxPagePreview() override;

    /// Shows the `pageCount` pages fetched through `fetch`, asking for every thumbnail now and the
    /// large view of the first page.
    void setDocument(const PageFetcher& fetch, int pageCount);
    /// Shows `message` instead of pages (empty: a blank area).
    void showMessage(const QString& message);

    /// Returns the number of pages shown.
    int pageCount() const { return m_pageCount; }
    /// Returns the selected page (1-based; 0 when none).
    int currentPage() const;
    /// Selects page `page` (1-based) and fetches its large view.
    void setCurrentPage(int page);
    /// Returns the number of thumbnails that have arrived.
    int thumbnailsLoaded() const { return m_thumbnailsLoaded; }
    /// Returns the large image of the selected page (null until it arrived).
    QImage currentImage() const { return m_page; }
    /// Returns the zoom choice (for tests).
    QComboBox* zoomBox() const { return m_zoom; }

Q_SIGNALS:
    /// Every thumbnail has arrived (or failed).
    void thumbnailsDone();
    /// The large view of the selected page has arrived.
    void pageShown(int page);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showPage();
    void fetchPage(int page);

    PageFetcher m_fetch;
    QListWidget* m_thumbs;
    QStackedWidget* m_stack;
    QScrollArea* m_scroll;
    QLabel* m_pageLabel;
    QLabel* m_message;
    QComboBox* m_zoom;
    QLabel* m_zoomLabel;
    QImage m_page;
    QPointer<ApiReply> m_pageReply;
    int m_pageCount = 0;
    int m_generation = 0;
    int m_thumbnailsLoaded = 0;
    int m_thumbnailsPending = 0;
};
