// Draws reconsole.png from the design in reconsole.svg (this Qt has no SVG plugin, and the
// PNG is what the window and the desktop entry use). Not built with the project:
//   g++ -std=c++17 -fPIC draw_icon.cpp $(pkg-config --cflags --libs Qt6Gui) -o /tmp/draw_icon
//   QT_QPA_PLATFORM=offscreen /tmp/draw_icon reconsole.png
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    QImage image(256, 256, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QColor blue(0x1f, 0x4e, 0x79), red(0xd6, 0x45, 0x41);
    QPainterPath square;
    square.addRoundedRect(QRectF(8, 8, 240, 240), 44, 44);
    p.fillPath(square, blue);
    p.setPen(QPen(Qt::white, 22, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(160, 160), QPointF(212, 212));
    p.setPen(QPen(Qt::white, 14));
    p.setBrush(Qt::white);
    p.drawEllipse(QPointF(112, 112), 64, 64);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(84);
    font.setBold(true);
    p.setFont(font);
    p.setPen(blue);
    p.drawText(QRectF(48, 48, 128, 128), Qt::AlignCenter, QStringLiteral("₩"));
    p.setPen(QPen(Qt::white, 6));
    p.setBrush(red);
    p.drawEllipse(QPointF(196, 60), 22, 22);
    p.end();
    return image.save(QString::fromLocal8Bit(argc > 1 ? argv[1] : "reconsole.png")) ? 0 : 1;
}
