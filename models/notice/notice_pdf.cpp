#include "notice/notice_pdf.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace reconsole::notice {
namespace {

QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped().replace('\n', "<br>"); }

QString html(const ops::NoticeDocument& d)
{
    QString rows;
    for (const auto& [when, what] : d.transactions)
        rows += QStringLiteral("<tr><td style='padding:4px 12px 4px 0'>%1</td><td style='padding:4px 0'>%2</td></tr>")
                    .arg(esc(when), esc(what));
    return QStringLiteral("<h2 style='text-align:center'>%1</h2>"
                          "<p>%2 고객님께</p>"
                          "<p>문의하신 거래를 조사한 결과를 알려 드립니다.</p>"
                          "<h3>거래 내용</h3><table>%3</table>"
                          "<h3>원인</h3><p>%4</p>"
                          "<h3>처리 결과</h3><p>%5</p>"
                          "<p>%6</p>"
                          "<p style='margin-top:24px'>%7<br>사건 번호 %8</p>")
        .arg(esc(d.title), esc(d.customerName), rows, esc(d.cause), esc(d.result), esc(d.closing), esc(d.issuedOn),
             esc(d.caseId));
}

}  // namespace

QByteArray renderNoticePdf(const ops::NoticeDocument& d)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(QString::fromStdString(d.title + " " + d.caseId));
        writer.setCreator(QStringLiteral("Reconsole"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 20, 20, 20),
                                         QPageLayout::Millimeter));
        QTextDocument doc;
        QFont font(QStringLiteral("Noto Sans CJK KR"));
        font.setPointSizeF(11);
        doc.setDefaultFont(font);
        doc.setHtml(html(d));
        doc.print(&writer);
    }
    return bytes;
}

}  // namespace reconsole::notice
