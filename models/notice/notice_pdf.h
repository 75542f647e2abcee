#pragma once
// The written notice as a PDF document: Qt's own PDF writer, Korean text in a CJK font, no
// external service. Needs a QGuiApplication (the command line makes one on the offscreen
// platform, so no display is needed).
#include "ops/case_notice.h"

#include <QByteArray>

namespace reconsole::notice {

QByteArray renderNoticePdf(const ops::NoticeDocument& doc);

}  // namespace reconsole::notice
