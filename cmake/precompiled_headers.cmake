# Precompiled headers for the targets with many sources (README.md, "Building by hand"). Every
# source of models/, ui/ and app/ spends 4-5 s of its compile parsing the same standard and Qt
# headers; one header per target, parsed once, takes most of that away. Each target builds its own:
# sharing one across targets (REUSE_FROM) needs identical macro definitions, and ours differ
# (QT_WIDGETS_LIB, SIMDJSON_THREADS_ENABLED, ...), which clang refuses.
option(RECONSOLE_PCH "Precompile the common standard and Qt headers of the larger targets" ON)

set(RECONSOLE_PCH_CORE
  <algorithm> <cstdint> <functional> <map> <memory> <optional> <string> <string_view> <utility>
  <vector> <QDateTime> <QHash> <QObject> <QString> <QStringList>)
set(RECONSOLE_PCH_WIDGETS
  <QComboBox> <QDialog> <QHBoxLayout> <QHeaderView> <QLabel> <QLineEdit> <QPushButton>
  <QTableView> <QVBoxLayout> <QWidget>)

# GCC 12 loses the system-header exemption for headers it reads from a PCH and then reports its
# own false -Warray-bounds and -Wstringop-* inside std::string (GCC bugs 105329, 105651).
set(RECONSOLE_PCH_GCC_WARNINGS_OFF "")
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  set(RECONSOLE_PCH_GCC_WARNINGS_OFF -Wno-array-bounds -Wno-stringop-overflow -Wno-stringop-overread)
endif()

# reconsole_precompile(<target>... [WIDGETS]): the core list, and the widgets list with WIDGETS.
function(reconsole_precompile)
  cmake_parse_arguments(P "WIDGETS" "" "" ${ARGN})
  if(NOT RECONSOLE_PCH)
    return()
  endif()
  foreach(target IN LISTS P_UNPARSED_ARGUMENTS)
    if(NOT TARGET ${target})
      continue()
    endif()
    target_precompile_headers(${target} PRIVATE ${RECONSOLE_PCH_CORE})
    target_compile_options(${target} PRIVATE ${RECONSOLE_PCH_GCC_WARNINGS_OFF})
    if(P_WIDGETS)
      target_precompile_headers(${target} PRIVATE ${RECONSOLE_PCH_WIDGETS})
    endif()
  endforeach()
endfunction()
