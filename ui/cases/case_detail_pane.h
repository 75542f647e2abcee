#pragma once
// The selected case: customer, channel, receipt and what the customer said, the clock, the
// links (debits with their amounts), notes (and adding one), the case's timeline, the outcome,
// and for an answered case the notice (composeNotice's plain text) with "PDF로 저장…" and the
// record of a notice given by phone, e-mail or chat. Everything is read and written on the
// session's worker; the PDF is rendered there too.
#include "core/instant.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class CaseDetailPane : public QWidget {
    Q_OBJECT
public:
    explicit CaseDetailPane(items::OpsSession* session, QWidget* parent = nullptr);

    QString caseId() const { return caseId_; }
    bool isLoaded() const { return loaded_; }
    void setAsOf(std::optional<Instant> asOf) { asOf_ = asOf; }
    // The text shown, section by section (for tests and the screenshot runner).
    QString factsText() const;
    QString clockText() const;
    QString linksText() const;
    QString notesText() const;
    QString timelineText() const;
    QString outcomeText() const;
    QString noticePreview() const;
    QString messageText() const;
    QLineEdit* noteEdit() const { return noteEdit_; }
    QPushButton* addNoteButton() const { return addNote_; }
    QComboBox* noteOrderChoice() const { return noteOrder_; }
    QPushButton* savePdfButton() const { return savePdf_; }
    QPushButton* recordNoticeButton() const { return recordNotice_; }

public slots:
    void showCase(const QString& caseId);   // empty: nothing selected
    void reload();
    void addNote();
    // Renders the notice, writes it to `path` and records it as given in writing; with an
    // empty path a file dialog asks where.
    void saveNoticePdf(const QString& path = {});
    void recordSpokenNotice();              // by the channel chosen beside the button
    void scrollToNotice();                  // the notice preview into view

signals:
    void loaded();
    void changed();                          // an action wrote to the store
    void actionFinished(bool ok);
    void statusMessage(const QString& text);

private:
    struct Detail;
    void present(const Detail& d);
    void clear(const QString& why);
    void showMessage(const QString& text, bool problem);
    void updateActions(bool answered);
    QWidget* buildNotes();
    QWidget* buildNotice();

    items::OpsSession* session_;
    std::optional<Instant> asOf_;
    QString caseId_;
    quint64 generation_ = 0;
    bool loaded_ = false;
    bool answered_ = false;
    QLabel* header_;
    QLabel* facts_;
    QLabel* clock_;
    QLabel* links_;
    QLabel* outcome_;
    QLabel* notes_;
    QLabel* timeline_;
    QLabel* message_;
    QLineEdit* noteEdit_;
    QComboBox* noteOrder_;   // a merchant partner's: which of its orders the note is about
    QPushButton* addNote_;
    QPlainTextEdit* notice_;
    QPushButton* savePdf_;
    QComboBox* spokenChannel_;
    QPushButton* recordNotice_;
    QScrollArea* scroll_ = nullptr;
};

}  // namespace reconsole::ui
