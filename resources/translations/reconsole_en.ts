<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ko_KR">
<context>
    <name>CustomerSearch</name>
    <message>
        <source>고객 번호 %1</source>
        <translation>customer %1</translation>
    </message>
    <message>
        <source>주문 %1</source>
        <translation>order %1</translation>
    </message>
    <message>
        <source>결제 %1</source>
        <translation>payment %1</translation>
    </message>
    <message>
        <source>원장 %1</source>
        <translation>ledger %1</translation>
    </message>
    <message>
        <source>전화 뒷자리 %1</source>
        <translation>phone ending %1</translation>
    </message>
    <message>
        <source>이름 %1</source>
        <translation>name %1</translation>
    </message>
</context>
<context>
    <name>Freshness</name>
    <message>
        <source>가져오기 기록이 없습니다</source>
        <translation>no import recorded</translation>
    </message>
    <message>
        <source>마지막 가져오기가 실패했습니다</source>
        <translation>the last import failed</translation>
    </message>
    <message>
        <source>미해결 출금 상태를 다시 계산해야 합니다</source>
        <translation>the orphan state must be recomputed</translation>
    </message>
    <message>
        <source>마지막 가져오기가 %1 전입니다</source>
        <translation>last import was %1 ago</translation>
    </message>
    <message>
        <source>원장 기록이 없습니다</source>
        <translation>no ledger records</translation>
    </message>
    <message>
        <source>최신 원장 기록이 %1 전입니다</source>
        <translation>newest ledger record is %1 old</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>운영 서버 로그인</source>
        <translation>Sign in to the operations server</translation>
    </message>
    <message>
        <source>운영 서버에 로그인합니다 (로그인 역할 %1). 암호를 넣으세요.
(비워 두면 ~/.pgpass를 씁니다.)</source>
        <translation>Signing in to the operations server (login role %1). Enter the password.
(Left empty, ~/.pgpass is used.)</translation>
    </message>
</context>
<context>
    <name>MirrorTasks</name>
    <message>
        <source>반영 %1줄, 재전송 건너뜀 %2줄, 격리 %3줄</source>
        <translation>%1 lines applied, %2 re-deliveries skipped, %3 quarantined</translation>
    </message>
    <message>
        <source>격리된 줄 (처음 몇 개):
%1</source>
        <translation>Quarantined lines (the first few):
%1</translation>
    </message>
    <message>
        <source>가져오기 완료: %1</source>
        <translation>Import done: %1</translation>
    </message>
    <message>
        <source>가져오기를 취소했습니다. 이미 반영된 줄은 남습니다: %1</source>
        <translation>Import cancelled. Lines already applied stay: %1</translation>
    </message>
    <message>
        <source>가져오기 실패: %1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message>
        <source>%1 %2번째 줄까지 반영되었습니다.

%3</source>
        <translation>Applied up to %1 line %2.

%3</translation>
    </message>
    <message>
        <source>미러 파일이 없습니다: %1</source>
        <translation>No mirror file at %1</translation>
    </message>
    <message>
        <source>이미 파일이 있습니다: %1</source>
        <translation>A file already exists at %1</translation>
    </message>
    <message>
        <source>데모 피드 쓰는 중: 주문 %1 / %2</source>
        <translation>Writing the demo feed: order %1 of %2</translation>
    </message>
    <message>
        <source>데모 피드를 쓰지 못했습니다 (디스크 공간?)</source>
        <translation>Could not write the demo feed (disk full?)</translation>
    </message>
    <message>
        <source>데모 미러 만들기를 취소했습니다.</source>
        <translation>Demo mirror cancelled.</translation>
    </message>
    <message>
        <source>데모 피드 가져오는 중: %1</source>
        <translation>Importing the demo feed: %1</translation>
    </message>
    <message>
        <source>읽기 전용으로 열었습니다 (쓰기로 열 수 없음: %1)</source>
        <translation>Opened read-only (cannot open for writing: %1)</translation>
    </message>
    <message>
        <source>데모 운영 기록(운영자, 환불) 만드는 중…</source>
        <translation>Making the demo&apos;s operations records (operators, refunds)…</translation>
    </message>
    <message>
        <source> · 데모 운영 기록을 만들지 못했습니다: %1</source>
        <translation> · could not make the demo&apos;s operations records: %1</translation>
    </message>
    <message>
        <source>카탈로그 이상을 다시 점검하는 중…</source>
        <translation>Checking the catalog findings again…</translation>
    </message>
    <message>
        <source>카탈로그 이상을 지금 규칙으로 다시 점검했습니다.</source>
        <translation>Catalog findings checked again with the rules in force.</translation>
    </message>
    <message>
        <source>카탈로그 이상이 이미 지금 규칙으로 점검되어 있습니다.</source>
        <translation>The catalog findings were already checked with the rules in force.</translation>
    </message>
    <message>
        <source> · 카탈로그 규칙 설정을 읽지 못해 기본값으로 점검했습니다: %1</source>
        <translation> · the catalog rules&apos; settings could not be read; checked with the defaults: %1</translation>
    </message>
    <message>
        <source> · 데모 운영자 %1명(로그인 %2 / 암호 %3), 환불 요청 %4건</source>
        <translation> · %1 demo operators (sign in as %2, password %3), %4 refund requests</translation>
    </message>
</context>
<context>
    <name>OpsSession</name>
    <message>
        <source>운영자를 확인하는 중…</source>
        <translation>Checking the operator…</translation>
    </message>
    <message>
        <source>%1 · 데모</source>
        <translation>%1 · demo</translation>
    </message>
    <message>
        <source>⚠ 운영 저장소를 열 수 없습니다</source>
        <translation>⚠ Cannot open the operations store</translation>
    </message>
    <message>
        <source>⚠ 운영자 없음</source>
        <translation>⚠ No operators</translation>
    </message>
    <message>
        <source>운영 저장소를 열 수 없어 환불 조치를 할 수 없습니다: %1</source>
        <translation>The operations store cannot be opened, so no refund action can be taken: %1</translation>
    </message>
    <message>
        <source>운영 서버에 연결할 수 없습니다 · 다시 연결하는 중…</source>
        <translation>Cannot reach the operations server · reconnecting…</translation>
    </message>
    <message>
        <source>운영 서버가 로그인을 거부했습니다 (%1): 암호를 확인하고 콘솔을 다시 시작하세요.</source>
        <translation>The operations server refused the sign-in (%1): check the password and start the console again.</translation>
    </message>
    <message>
        <source>운영 서버에 연결할 수 없어 환불 조치를 받지 않습니다. 연결되면 다시 하세요 (콘솔은 조치를 모아 두었다가 나중에 보내지 않습니다).</source>
        <translation>The operations server cannot be reached, so refund actions are not taken. Try again once connected (the console never keeps actions to send later).</translation>
    </message>
    <message>
        <source>⚠ 운영 서버에 연결할 수 없음</source>
        <translation>⚠ Operations server unreachable</translation>
    </message>
    <message>
        <source>⚠ 운영 서버 로그인 거부</source>
        <translation>⚠ Operations server refused the sign-in</translation>
    </message>
    <message>
        <source>운영자 %1: 사용이 중지되어 조치를 할 수 없습니다.</source>
        <translation>Operator %1 is disabled and cannot act.</translation>
    </message>
    <message>
        <source>운영 저장소에 없는 운영자입니다: %1. 조치를 할 수 없습니다.</source>
        <translation>No such operator in the operations store: %1. No action can be taken.</translation>
    </message>
    <message>
        <source>운영 저장소에 운영자가 없습니다: reconsole-cli operator add로 첫 관리자를 만드세요.</source>
        <translation>The operations store has no operators: create the first admin with reconsole-cli operator add.</translation>
    </message>
    <message>
        <source>화면이 잠겨 있습니다: 암호를 넣어 잠금을 푸세요.</source>
        <translation>The screen is locked: enter your password to unlock it.</translation>
    </message>
    <message>
        <source>로그인한 운영자가 없습니다.</source>
        <translation>No operator is signed in.</translation>
    </message>
    <message>
        <source>로그인하지 않았습니다: 조치를 하려면 로그인하세요.</source>
        <translation>Not signed in: sign in to take actions.</translation>
    </message>
    <message>
        <source>관리자가 정한 암호입니다: 먼저 자신의 암호를 정하세요.</source>
        <translation>Your password was set by an admin: set your own first.</translation>
    </message>
</context>
<context>
    <name>OpsText</name>
    <message>
        <source>승인 대기</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>승인됨</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>전달됨</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>환불 완료</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>반려</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>실패</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>미해결 출금</source>
        <translation>Orphan debit</translation>
    </message>
    <message>
        <source>중복 결제</source>
        <translation>Duplicate charge</translation>
    </message>
    <message>
        <source>가격 오류</source>
        <translation>Price error</translation>
    </message>
    <message>
        <source>고객 배려</source>
        <translation>Goodwill</translation>
    </message>
    <message>
        <source>현금영수증 오류</source>
        <translation>Cash receipt error</translation>
    </message>
    <message>
        <source>주문 취소</source>
        <translation>Order cancelled</translation>
    </message>
    <message>
        <source>상담</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>운영</source>
        <translation>ops</translation>
    </message>
    <message>
        <source>관리자</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>가맹점</source>
        <translation>merchant</translation>
    </message>
    <message>
        <source>상담 역할의 요청이라 운영 담당자의 승인이 필요합니다</source>
        <translation>Requested by an agent: an ops operator must approve it</translation>
    </message>
    <message>
        <source>승인 기준 금액을 넘어 다른 운영 담당자의 승인이 필요합니다</source>
        <translation>Above the approval threshold: another ops operator must approve it</translation>
    </message>
    <message>
        <source>오늘 한도를 넘어 다른 운영 담당자의 승인이 필요합니다</source>
        <translation>Past today&apos;s limit: another ops operator must approve it</translation>
    </message>
    <message>
        <source>이 운영자의 역할로는 할 수 없는 일입니다.</source>
        <translation>This operator&apos;s roles do not allow it.</translation>
    </message>
    <message>
        <source>운영 저장소에 없는 운영자입니다.</source>
        <translation>This operator is not in the operations store.</translation>
    </message>
    <message>
        <source>사용이 중지된 운영자입니다.</source>
        <translation>This operator is disabled.</translation>
    </message>
    <message>
        <source>미러에 없는 원장 기록입니다.</source>
        <translation>No such ledger entry in the mirror.</translation>
    </message>
    <message>
        <source>출금이 아닌 기록은 환불할 수 없습니다.</source>
        <translation>Only a debit can be refunded.</translation>
    </message>
    <message>
        <source>환불 가능한 금액을 넘습니다.</source>
        <translation>The amount is above what may still be refunded.</translation>
    </message>
    <message>
        <source>이 출금에는 더 환불할 금액이 남아 있지 않습니다.</source>
        <translation>Nothing is left to refund on this debit.</translation>
    </message>
    <message>
        <source>자신의 요청은 승인할 수 없습니다. 다른 운영 담당자가 승인해야 합니다.</source>
        <translation>Nobody approves their own request: another ops operator must approve it.</translation>
    </message>
    <message>
        <source>요청의 지금 상태에서는 할 수 없는 일입니다.</source>
        <translation>Not possible in the request&apos;s current state.</translation>
    </message>
    <message>
        <source>없는 환불 요청입니다.</source>
        <translation>No such refund request.</translation>
    </message>
    <message>
        <source>입력한 값이 올바르지 않습니다.</source>
        <translation>A value given is not valid.</translation>
    </message>
    <message>
        <source>승인하려던 뒤에 요청이 바뀌었습니다. 다시 확인하고 승인하세요.</source>
        <translation>The request changed after you saw it. Check it again, then approve.</translation>
    </message>
    <message>
        <source>바뀐 것이 없습니다.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>%1
(%2)</source>
        <translation>%1
(%2)</translation>
    </message>
    <message>
        <source>%1 %2건 %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>환불 요청이 없습니다</source>
        <translation>No refund requests</translation>
    </message>
    <message numerus="yes">
        <source>⚠ 기한 지남 %Ln건</source>
        <translation>
            <numerusform>⚠ %Ln overdue</numerusform>
            <numerusform>⚠ %Ln overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>내 승인 대기 %Ln건</source>
        <translation>
            <numerusform>%Ln awaiting my approval</numerusform>
            <numerusform>%Ln awaiting my approval</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>확인 필요 %Ln건</source>
        <translation>
            <numerusform>%Ln to check</numerusform>
            <numerusform>%Ln to check</numerusform>
        </translation>
    </message>
    <message>
        <source>없는 운영자이거나 암호가 틀립니다.</source>
        <translation>Unknown operator or wrong password.</translation>
    </message>
    <message>
        <source>로그인 실패가 많아 잠시 기다려야 합니다.</source>
        <translation>Too many failed sign-ins: wait a moment.</translation>
    </message>
    <message>
        <source>먼저 자신의 암호를 정해야 합니다.</source>
        <translation>Set your own password first.</translation>
    </message>
</context>
<context>
    <name>QuarantineReason</name>
    <message>
        <source>줄이 너무 깁니다 (%1 MiB 초과, 앞부분만 보관)</source>
        <translation>line longer than %1 MiB (only its start is kept)</translation>
    </message>
    <message>
        <source>UTF-8 글자가 아닌 내용이 있습니다</source>
        <translation>the line is not valid UTF-8</translation>
    </message>
    <message>
        <source>JSON 형식이 아닙니다</source>
        <translation>not valid JSON</translation>
    </message>
    <message>
        <source>JSON이지만 객체({ … })가 아닙니다</source>
        <translation>JSON, but not an object ({ … })</translation>
    </message>
    <message>
        <source>문자열이 잘못 쓰였습니다 (잘못된 이스케이프나 제어 문자)</source>
        <translation>a string is malformed (bad escape or control character)</translation>
    </message>
    <message>
        <source>숫자가 잘못 쓰였거나 범위를 벗어났습니다</source>
        <translation>a number is malformed or out of range</translation>
    </message>
    <message>
        <source>정수가 64비트 범위를 벗어났습니다</source>
        <translation>an integer is outside the 64-bit range</translation>
    </message>
    <message>
        <source>한 객체에 같은 키가 두 번 있습니다: %1</source>
        <translation>a key is written twice in one object: %1</translation>
    </message>
    <message>
        <source>알 수 없는 기록 종류입니다: %1</source>
        <translation>unknown record type: %1</translation>
    </message>
    <message>
        <source>필수 항목이 없습니다: %1</source>
        <translation>missing required field: %1</translation>
    </message>
    <message>
        <source>항목 %1: %2 이상이어야 하는데 %3입니다</source>
        <translation>field %1: must be at least %2, is %3</translation>
    </message>
    <message>
        <source>항목 %1: %2~%3 사이여야 하는데 %4입니다</source>
        <translation>field %1: must be %2 to %3, is %4</translation>
    </message>
    <message>
        <source>항목 %1: 원 단위 정수여야 합니다 (소수 불가)</source>
        <translation>field %1: must be a whole number of won (no fractions)</translation>
    </message>
    <message>
        <source>항목 %1: 허용되지 않는 값입니다: &apos;%3&apos; (허용: %2)</source>
        <translation>field %1: &apos;%3&apos; is not allowed (allowed: %2)</translation>
    </message>
    <message>
        <source>항목 %1: 값의 형식이 맞지 않습니다</source>
        <translation>field %1: the value has the wrong form</translation>
    </message>
    <message>
        <source>원장 기록 %1: 이미 받은 내용과 다릅니다 (원장 기록은 바뀔 수 없습니다)</source>
        <translation>ledger entry %1 differs from the one already received (ledger entries never change)</translation>
    </message>
</context>
<context>
    <name>RefundPreview</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>StoreFaultNotice</name>
    <message>
        <source>이 파일은 데이터베이스 파일이 아닙니다. 미러가 아니라면 맞는 파일을 여세요. 미러라면 손상된 것입니다.

</source>
        <translation>This file is not a database file. If it is not the mirror, open the right file; if it is, it is damaged.

</translation>
    </message>
    <message>
        <source>이 파일은 데이터베이스 파일이 아닙니다. 운영 저장소가 아니라면 맞는 파일을 지정하세요. 운영 저장소라면 손상된 것입니다.

</source>
        <translation>This file is not a database file. If it is not the operations store, name the right file; if it is, it is damaged.

</translation>
    </message>
    <message>
        <source>미러 파일이 손상되었습니다: %1

피드로 미러를 다시 만드세요. 콘솔을 닫고 이 파일(과 -wal, -shm 파일)을 다른 곳으로 옮긴 뒤, 첫 피드 파일부터 모두 넣어 다음을 실행합니다:
reconsole-cli import --db %1 FEED_FILE...
환불·감사 기록은 운영 저장소에 그대로 있습니다.</source>
        <translation>The mirror file is damaged: %1

Rebuild the mirror from the feed. Close the console, move this file (and its -wal and -shm files) aside, then run this with every feed file from the first:
reconsole-cli import --db %1 FEED_FILE...
Refunds and the audit log are kept in the operations store.</translation>
    </message>
    <message>
        <source>운영 저장소가 손상되었습니다: %1

백업에서 운영 저장소를 복원하세요. 콘솔과 모든 reconsole-cli를 닫고 이 파일(과 -wal, -shm 파일)을 옮긴 뒤, &apos;reconsole-cli ops backup&apos;으로 만든 가장 새 백업을 %1 자리에 복사하고 &apos;reconsole-cli audit verify --db MIRROR --as ADMIN --against NEWEST_OUTBOX_FILE&apos;로 감사 기록을 확인합니다.</source>
        <translation>The operations store is damaged: %1

Restore the operations store from its backup. Close the console and every reconsole-cli, move this file (and its -wal and -shm files) aside, copy the newest backup made by &apos;reconsole-cli ops backup&apos; to %1, and check the audit log with &apos;reconsole-cli audit verify --db MIRROR --as ADMIN --against NEWEST_OUTBOX_FILE&apos;.</translation>
    </message>
    <message>
        <source>디스크가 가득 찼습니다: %1

실패한 단계는 아무것도 남기지 않았습니다. 디스크 공간을 비운 뒤 다시 하세요. 가져오기는 멈춘 곳부터 이어집니다.</source>
        <translation>The disk is full: %1

Nothing of the failed step was kept. Free disk space and try again; an import resumes where it stopped.</translation>
    </message>
    <message>
        <source>이 파일에 쓸 수 없습니다: %1

파일이나 폴더, 디스크가 읽기 전용입니다. 쓸 수 있게 바꾸거나 쓸 수 있는 폴더로 복사한 뒤 다시 여세요. 읽기만 하는 화면은 그대로 쓸 수 있습니다.</source>
        <translation>This file cannot be written: %1

The file, its folder or its disk is read-only. Make it writable, or copy it to a writable folder, and open it again. Screens that only read still work.</translation>
    </message>
    <message>
        <source>이 파일을 열 수 없습니다: %1

파일이 있는지, 그리고 폴더에 쓸 수 있는지(옆에 -wal, -shm 파일이 만들어집니다) 확인한 뒤 다시 여세요.</source>
        <translation>This file cannot be opened: %1

Check that it exists and that its folder can be written (the -wal and -shm files are made beside it), then open it again.</translation>
    </message>
    <message>
        <source>디스크가 이 파일을 읽거나 쓰지 못했습니다: %1

디스크를 점검하세요. 계속 실패하면 미러는 피드로 다시 만들고, 운영 저장소는 백업에서 복원합니다.</source>
        <translation>The disk could not read or write this file: %1

Check the disk. If it keeps failing, rebuild the mirror from the feed, or restore the operations store from its backup.</translation>
    </message>
</context>
<context>
    <name>TimelineData</name>
    <message>
        <source>미러를 대량으로 가져오는 중이라 색인이 아직 없습니다. 가져오기가 끝나면 타임라인을 볼 수 있습니다.</source>
        <translation>A bulk import is running and the indexes are not there yet. The timeline can be seen when the import ends.</translation>
    </message>
</context>
<context>
    <name>TimelineFilter</name>
    <message>
        <source>주문</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>결제 시도</source>
        <translation>Payment attempts</translation>
    </message>
    <message>
        <source>출금</source>
        <translation>Debits</translation>
    </message>
    <message>
        <source>입금</source>
        <translation>Credits</translation>
    </message>
    <message>
        <source>환불·취소</source>
        <translation>Refunds and reversals</translation>
    </message>
    <message>
        <source>현금영수증</source>
        <translation>Cash receipts</translation>
    </message>
    <message>
        <source>미해결 출금</source>
        <translation>Orphan debits</translation>
    </message>
</context>
<context>
    <name>TimelineLabels</name>
    <message>
        <source>주문</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>충전</source>
        <translation>Top-up</translation>
    </message>
    <message>
        <source>주문 없음</source>
        <translation>no order</translation>
    </message>
    <message>
        <source>결제 시도</source>
        <translation>payment attempt</translation>
    </message>
    <message>
        <source>현금영수증</source>
        <translation>Cash receipt</translation>
    </message>
    <message>
        <source>출금</source>
        <translation>debit</translation>
    </message>
    <message>
        <source>입금</source>
        <translation>credit</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>주문 기록 없음</source>
        <translation>no order record</translation>
    </message>
    <message>
        <source>입금 완료</source>
        <translation>credited</translation>
    </message>
    <message>
        <source>미입금</source>
        <translation>not credited</translation>
    </message>
    <message>
        <source>입금 대기</source>
        <translation>credit pending</translation>
    </message>
    <message>
        <source>주문 기록이 아직 미러에 없습니다</source>
        <translation>the order record is not in the mirror yet</translation>
    </message>
    <message>
        <source>%1에서 충전</source>
        <translation>top-up from %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln건</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reconsole</name>
    <message>
        <source>%1일 %2시간</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1시간 %2분</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1분</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1초</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>reconsole::catalog</name>
    <message>
        <source>판매가 %1이 정가 %2의 %3입니다 (0이 빠졌거나 더 붙었을 수 있음).</source>
        <translation>The price %1 is %3 of the list price %2 (a zero missing or added?).</translation>
    </message>
    <message>
        <source>판매가 %1이 정가 %2의 %3입니다.</source>
        <translation>The price %1 is %3 of the list price %2.</translation>
    </message>
    <message>
        <source>할인율 %1가 가맹점이 동의한 최대 할인율 %2를 넘습니다.</source>
        <translation>The discount %1 is above the %2 the merchant agreed to at most.</translation>
    </message>
    <message>
        <source>가격 %1에 할인을 적용한 판매가가 %2입니다.</source>
        <translation>The price %1 after its discount is %2.</translation>
    </message>
    <message>
        <source>상품권은 현금영수증 대상이 아닌데 대상으로 표시되어 있습니다.</source>
        <translation>Vouchers are not eligible for cash receipts, yet this one is flagged eligible.</translation>
    </message>
    <message>
        <source>일반 상품인데 현금영수증 대상이 아닌 것으로 표시되어 있습니다.</source>
        <translation>Goods, yet flagged not eligible for cash receipts.</translation>
    </message>
    <message>
        <source>한 번의 변경으로 판매가가 %1에서 %2으로 바뀌었습니다.</source>
        <translation>One version moved the price from %1 to %2.</translation>
    </message>
    <message>
        <source>한 번의 변경으로 할인율이 %1에서 %2로 바뀌었습니다.</source>
        <translation>One version moved the discount from %1 to %2.</translation>
    </message>
    <message>
        <source>주문 단가 %1이 주문 시각의 카탈로그 판매가 %2과 다릅니다.</source>
        <translation>The order&apos;s unit price %1 differs from the catalog&apos;s %2 at the order&apos;s time.</translation>
    </message>
    <message>
        <source>주문 합계 %1이 단가 x 수량 %2과 다릅니다.</source>
        <translation>The order total %1 differs from unit price x quantity %2.</translation>
    </message>
    <message>
        <source>현금영수증 대상이 아닌 상품에 현금영수증 단계가 실행되었습니다 (실패 %1건, 발행 %2건).</source>
        <translation>The cash-receipt step ran for a product not eligible (%1 failed, %2 issued).</translation>
    </message>
    <message>
        <source>현금영수증 발행이 실패했습니다 (실패 %1건, 발행 %2건).</source>
        <translation>The cash receipt failed (%1 failed, %2 issued).</translation>
    </message>
    <message>
        <source>주문 %1, 주문 시각 %2</source>
        <translation>order %1, placed %2</translation>
    </message>
    <message>
        <source>%1부터 %2까지 적용 (이후 고쳐짐)</source>
        <translation>live from %1 to %2 (corrected since)</translation>
    </message>
    <message>
        <source>%1부터 현재까지 적용 중</source>
        <translation>live since %1</translation>
    </message>
    <message>
        <source>정가와 동떨어진 가격</source>
        <translation>Price far from the list price</translation>
    </message>
    <message>
        <source>최대 할인율 초과</source>
        <translation>Discount over the maximum</translation>
    </message>
    <message>
        <source>0원 이하 판매가</source>
        <translation>Price at or below ₩0</translation>
    </message>
    <message>
        <source>상품 종류와 맞지 않는 현금영수증 표시</source>
        <translation>Cash-receipt flag wrong for the kind</translation>
    </message>
    <message>
        <source>급격한 가격 변경</source>
        <translation>Sudden price change</translation>
    </message>
    <message>
        <source>급격한 할인율 변경</source>
        <translation>Sudden discount change</translation>
    </message>
    <message>
        <source>주문 단가와 당시 카탈로그 가격 불일치</source>
        <translation>Order price differs from the catalog then</translation>
    </message>
    <message>
        <source>주문 합계와 단가 x 수량 불일치</source>
        <translation>Order total differs from unit price x quantity</translation>
    </message>
    <message>
        <source>현금영수증 대상이 아닌 상품에 현금영수증 단계 실행</source>
        <translation>Cash receipt for a product not eligible</translation>
    </message>
    <message>
        <source>현금영수증 발행 실패</source>
        <translation>Cash receipt failed</translation>
    </message>
    <message>
        <source>낮음</source>
        <translation>low</translation>
    </message>
    <message>
        <source>보통</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>높음</source>
        <translation>high</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>[%1] %2: %3 %4</source>
        <translation>[%1] %2: %3 %4</translation>
    </message>
</context>
<context>
    <name>reconsole::charts::MerchantBarChart</name>
    <message>
        <source>주문에 연결된 미해결 출금이 없습니다.</source>
        <translation>No orphan debits linked to an order.</translation>
    </message>
    <message>
        <source>미해결 금액</source>
        <translation>Orphan amount</translation>
    </message>
    <message>
        <source>%1: %2건, %3
클릭하면 목록을 이 가맹점으로 거릅니다.</source>
        <translation>%1: %2 orphans, %3
Click to filter the queue to this merchant.</translation>
    </message>
</context>
<context>
    <name>reconsole::charts::OrphanDayChart</name>
    <message>
        <source>표시할 미해결 출금이 없습니다.</source>
        <translation>No orphan debits to show.</translation>
    </message>
    <message>
        <source>%1 %2: %3
클릭하면 목록을 이 날짜와 유형으로 거릅니다.</source>
        <translation>%1 %2: %3
Click to filter the queue to this day and class.</translation>
    </message>
</context>
<context>
    <name>reconsole::charts::PriceHistoryChart</name>
    <message>
        <source>상품을 고르면 정가와 판매가의 변화를 보여 줍니다.</source>
        <translation>Choose a product to see its list price and price over time.</translation>
    </message>
    <message>
        <source>정가</source>
        <translation>list price</translation>
    </message>
    <message>
        <source>판매가</source>
        <translation>price</translation>
    </message>
</context>
<context>
    <name>reconsole::charts::TimelineChart</name>
    <message>
        <source>확대</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>축소</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>전체 기간</source>
        <translation>Whole period</translation>
    </message>
    <message>
        <source>휠: 확대·축소 · 끌기: 이동</source>
        <translation>Wheel: zoom · drag: pan</translation>
    </message>
    <message>
        <source>마우스 휠로 시간 범위를 확대·축소하고, 끌어서 앞뒤로 옮깁니다. 점을 누르면 목록에서 그 행이 선택됩니다.</source>
        <translation>Zoom the time range with the mouse wheel and drag to move it. Click a point to select its row in the list.</translation>
    </message>
    <message>
        <source>시각 (서울)</source>
        <translation>Time (Seoul)</translation>
    </message>
    <message>
        <source>입금(+) · 출금(−)</source>
        <translation>Credit (+) · debit (−)</translation>
    </message>
    <message>
        <source>미해결 출금</source>
        <translation>Orphan debits</translation>
    </message>
    <message>
        <source>이 고객의 입출금 기록이 없습니다</source>
        <translation>No money movements for this customer</translation>
    </message>
</context>
<context>
    <name>reconsole::items</name>
    <message>
        <source>가격 이상</source>
        <translation>price</translation>
    </message>
    <message>
        <source>할인 초과</source>
        <translation>discount</translation>
    </message>
    <message>
        <source>0원 이하 판매가</source>
        <translation>price ≤ 0</translation>
    </message>
    <message>
        <source>현금영수증 표시</source>
        <translation>receipt flag</translation>
    </message>
    <message>
        <source>급격한 가격 변경</source>
        <translation>sudden price</translation>
    </message>
    <message>
        <source>급격한 할인 변경</source>
        <translation>sudden discount</translation>
    </message>
    <message>
        <source>주문 단가 불일치</source>
        <translation>order price</translation>
    </message>
    <message>
        <source>주문 합계 불일치</source>
        <translation>order total</translation>
    </message>
    <message>
        <source>대상 아닌 현금영수증</source>
        <translation>ineligible receipt</translation>
    </message>
    <message>
        <source>현금영수증 실패</source>
        <translation>receipt failed</translation>
    </message>
    <message>
        <source>상품권</source>
        <translation>voucher</translation>
    </message>
    <message>
        <source>일반 상품</source>
        <translation>goods</translation>
    </message>
    <message>
        <source>쿠폰</source>
        <translation>coupon</translation>
    </message>
    <message>
        <source>처음 등록</source>
        <translation>first version</translation>
    </message>
    <message>
        <source>판매가 %1 → %2</source>
        <translation>price %1 → %2</translation>
    </message>
    <message>
        <source>정가 %1 → %2</source>
        <translation>list price %1 → %2</translation>
    </message>
    <message>
        <source>할인 %1 → %2</source>
        <translation>discount %1 → %2</translation>
    </message>
    <message>
        <source>현금영수증 대상으로 바뀜</source>
        <translation>now eligible for cash receipts</translation>
    </message>
    <message>
        <source>현금영수증 대상 아님으로 바뀜</source>
        <translation>no longer eligible for cash receipts</translation>
    </message>
    <message>
        <source>종류 %1 → %2</source>
        <translation>kind %1 → %2</translation>
    </message>
    <message>
        <source>이름 변경</source>
        <translation>renamed</translation>
    </message>
    <message>
        <source>변경 없음</source>
        <translation>no change</translation>
    </message>
    <message>
        <source>판매가 오류</source>
        <translation>wrong price</translation>
    </message>
    <message>
        <source>할인 오류</source>
        <translation>wrong discount</translation>
    </message>
    <message>
        <source>현금영수증 대상 표시 오류</source>
        <translation>wrong cash-receipt flag</translation>
    </message>
    <message>
        <source>정가 오류</source>
        <translation>wrong list price</translation>
    </message>
    <message>
        <source>가맹점 요청</source>
        <translation>merchant&apos;s request</translation>
    </message>
    <message>
        <source>대상</source>
        <translation>eligible</translation>
    </message>
    <message>
        <source>대상 아님</source>
        <translation>not eligible</translation>
    </message>
    <message>
        <source>현금영수증 %1 → %2</source>
        <translation>cash receipt %1 → %2</translation>
    </message>
    <message>
        <source>수정 대기 (승인 대기)</source>
        <translation>fix pending (awaiting approval)</translation>
    </message>
    <message>
        <source>수정 대기 (승인됨, 전달 전)</source>
        <translation>fix pending (approved, not yet sent)</translation>
    </message>
    <message>
        <source>수정 대기 (플랫폼에 전달됨)</source>
        <translation>fix pending (sent to the platform)</translation>
    </message>
    <message>
        <source>접수</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>조사 중</source>
        <translation>Investigating</translation>
    </message>
    <message>
        <source>답변함</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>종결</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>채팅</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>이메일</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>앱</source>
        <translation>App</translation>
    </message>
    <message>
        <source>금융감독원 이첩</source>
        <translation>Passed on by the FSS</translation>
    </message>
    <message>
        <source>서면</source>
        <translation>In writing</translation>
    </message>
    <message>
        <source>환불함</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>카탈로그 정정</source>
        <translation>Catalog correction</translation>
    </message>
    <message>
        <source>오류 없음</source>
        <translation>No error</translation>
    </message>
    <message>
        <source>자체 발견</source>
        <translation>Found by us</translation>
    </message>
    <message>
        <source>고객 민원</source>
        <translation>Customer complaint</translation>
    </message>
    <message>
        <source>시계 멈춤</source>
        <translation>Clock stopped</translation>
    </message>
    <message>
        <source>%1일 지남</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <source>오늘까지</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>%1일 남음</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>사건의 지금 상태에서는 할 수 없는 일입니다.</source>
        <translation>This cannot be done in the case&apos;s current state.</translation>
    </message>
    <message>
        <source>그런 사건이나 항목이 없습니다.</source>
        <translation>There is no such case or item.</translation>
    </message>
    <message>
        <source>입력한 내용으로는 할 수 없습니다. 빠진 근거나 내용을 채워 주세요.</source>
        <translation>This cannot be done with what was entered. Fill in the missing evidence or text.</translation>
    </message>
    <message>
        <source>%1
(%2)</source>
        <translation>%1
(%2)</translation>
    </message>
    <message>
        <source>출금</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>주문</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>환불 요청</source>
        <translation>Refund request</translation>
    </message>
    <message>
        <source>자체 발견으로 사건 열림</source>
        <translation>Case opened: found by us</translation>
    </message>
    <message>
        <source>고객 민원 접수</source>
        <translation>Complaint received</translation>
    </message>
    <message>
        <source>연결: %1 %2</source>
        <translation>Linked: %1 %2</translation>
    </message>
    <message>
        <source>메모: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>답변 (기한 지나서): %1</source>
        <translation>Answered (late): %1</translation>
    </message>
    <message>
        <source>답변: %1</source>
        <translation>Answered: %1</translation>
    </message>
    <message>
        <source>통지: %1</source>
        <translation>Notice: %1</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1  %2 · %3</source>
        <translation>%1  %2 · %3</translation>
    </message>
</context>
<context>
    <name>reconsole::items::AuditLogModel</name>
    <message>
        <source>번호</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>시각</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>운영자</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>조치</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>대상</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>결과</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>거부: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>완료</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>운영 저장소를 읽지 못했습니다: %1</source>
        <translation>Could not read the operations store: %1</translation>
    </message>
</context>
<context>
    <name>reconsole::items::CaseListModel</name>
    <message>
        <source>시작 %1 · 마지막 날 %2 (서울)</source>
        <translation>Started %1 · last day %2 (Seoul)</translation>
    </message>
    <message>
        <source>%1 · 늦은 답변</source>
        <translation>%1 · answered late</translation>
    </message>
    <message>
        <source>마지막 날</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>남은 기간</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <source>고객</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>경로</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>담당</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>발생</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>출금</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>사건 ID</source>
        <translation>Case ID</translation>
    </message>
    <message>
        <source>사건을 읽지 못했습니다: %1</source>
        <translation>Could not read the cases: %1</translation>
    </message>
</context>
<context>
    <name>reconsole::items::CatalogHistoryModel</name>
    <message>
        <source>버전 seq %1</source>
        <translation>version seq %1</translation>
    </message>
    <message>
        <source>대상</source>
        <translation>eligible</translation>
    </message>
    <message>
        <source>아님</source>
        <translation>no</translation>
    </message>
    <message>
        <source>변경 시각</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <source>판매가</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>정가</source>
        <translation>List price</translation>
    </message>
    <message>
        <source>할인</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>현금영수증</source>
        <translation>Cash receipt</translation>
    </message>
    <message>
        <source>바뀐 것</source>
        <translation>What changed</translation>
    </message>
</context>
<context>
    <name>reconsole::items::CatalogProductModel</name>
    <message numerus="yes">
        <source>열린 이상 %Ln건 (가장 높은 심각도: %1)
%2</source>
        <translation>
            <numerusform>%Ln open finding (worst: %1)
%2</numerusform>
            <numerusform>%Ln open findings (worst: %1)
%2</numerusform>
        </translation>
    </message>
    <message>
        <source>대상</source>
        <translation>eligible</translation>
    </message>
    <message>
        <source>아님</source>
        <translation>no</translation>
    </message>
    <message>
        <source>없음</source>
        <translation>none</translation>
    </message>
    <message>
        <source>상품</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>가맹점</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>정가</source>
        <translation>List price</translation>
    </message>
    <message>
        <source>판매가</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>할인</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>현금영수증</source>
        <translation>Cash receipt</translation>
    </message>
    <message>
        <source>열린 이상</source>
        <translation>Open findings</translation>
    </message>
    <message>
        <source>카탈로그 수정이 진행 중입니다 (요청됨, 승인됨 또는 플랫폼에 전달됨).</source>
        <translation>A catalog fix is under way (requested, approved or sent to the platform).</translation>
    </message>
    <message>
        <source>수정 대기 · %1</source>
        <translation>fix pending · %1</translation>
    </message>
</context>
<context>
    <name>reconsole::items::CustomerSearchModel</name>
    <message>
        <source>고객 기록이 아직 미러에 없습니다 (원장에만 있음)</source>
        <translation>No customer record in the mirror yet (only in the ledger)</translation>
    </message>
    <message>
        <source>(고객 기록 없음)</source>
        <translation>(no customer record)</translation>
    </message>
    <message>
        <source>고객 번호</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>전화 뒷자리</source>
        <translation>Phone ending</translation>
    </message>
    <message>
        <source>일치 항목</source>
        <translation>Matched</translation>
    </message>
</context>
<context>
    <name>reconsole::items::DashboardModel</name>
    <message>
        <source>유형</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>건수</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>미해결 금액</source>
        <translation>Orphan amount</translation>
    </message>
    <message>
        <source>금액 비중</source>
        <translation>Share of amount</translation>
    </message>
</context>
<context>
    <name>reconsole::items::ImportRunModel</name>
    <message>
        <source>완료</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>진행 중</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>취소됨</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>실패</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>모든 가져오기</source>
        <translation>Every import</translation>
    </message>
    <message>
        <source>시작</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>파일</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>반영</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>격리</source>
        <translation>Set aside</translation>
    </message>
</context>
<context>
    <name>reconsole::items::MerchantChoiceModel</name>
    <message>
        <source>모든 가맹점</source>
        <translation>All merchants</translation>
    </message>
    <message>
        <source>가맹점 없음 (주문 없는 출금)</source>
        <translation>No merchant (debits without an order)</translation>
    </message>
    <message>
        <source>%1 (%2건)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>reconsole::items::OrphanQueueModel</name>
    <message>
        <source>불러오는 중…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>추정 원인은 행마다 근거에서 계산되므로 이 열로는 정렬할 수 없습니다.</source>
        <translation>The likely cause is worked out per row from the evidence, so the queue cannot be sorted by it.</translation>
    </message>
    <message>
        <source>경과</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>출금 시각</source>
        <translation>Debited at</translation>
    </message>
    <message>
        <source>원장 번호</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>고객</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>가맹점</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>상품</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>유형</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>출금액</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>미해결 금액</source>
        <translation>Orphan amount</translation>
    </message>
    <message>
        <source>추정 원인</source>
        <translation>Likely cause</translation>
    </message>
    <message>
        <source>확인 중…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>reconsole::items::QuarantineLineModel</name>
    <message>
        <source>가져오기</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>파일:줄</source>
        <translation>File:line</translation>
    </message>
    <message>
        <source>seq</source>
        <translation>seq</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>줄 내용</source>
        <translation>Line</translation>
    </message>
</context>
<context>
    <name>reconsole::items::RefundListModel</name>
    <message>
        <source>기한 지남: 플랫폼의 결과를 확인하세요</source>
        <translation>Overdue: check the outcome at the platform</translation>
    </message>
    <message>
        <source>실제 환불 %1</source>
        <translation>actually refunded %1</translation>
    </message>
    <message>
        <source>확인 필요: %1</source>
        <translation>to check: %1</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <source>원장 ID</source>
        <translation>Ledger ID</translation>
    </message>
    <message>
        <source>고객</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>금액</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>요청자</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>요청 시각</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <source>승인자</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>⚠ %1 · 기한 지남</source>
        <translation>⚠ %1 · overdue</translation>
    </message>
    <message>
        <source>요청 %1
%2</source>
        <translation>Request %1
%2</translation>
    </message>
    <message>
        <source>운영 저장소를 읽지 못했습니다: %1</source>
        <translation>Could not read the operations store: %1</translation>
    </message>
</context>
<context>
    <name>reconsole::items::RefundMarkProxy</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>환불 진행 중 %1</source>
        <translation>Refund under way %1</translation>
    </message>
    <message>
        <source>환불 완료 %1</source>
        <translation>Refunded %1</translation>
    </message>
    <message>
        <source>환불 %1</source>
        <translation>Refund %1</translation>
    </message>
    <message numerus="yes">
        <source>환불 요청 %Ln건 · 최근 상태 %1</source>
        <translation>
            <numerusform>%Ln refund request · latest state %1</numerusform>
            <numerusform>%Ln refund requests · latest state %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reconsole::items::TimelineExplanation</name>
    <message>
        <source>%1: 지금은 미해결 출금이 아닙니다.</source>
        <translation>%1 is not an orphan debit now.</translation>
    </message>
</context>
<context>
    <name>reconsole::items::TimelineModel</name>
    <message>
        <source>미해결 출금 %1 (%2)</source>
        <translation>Orphan %1 (%2)</translation>
    </message>
    <message>
        <source>시각 (서울)</source>
        <translation>Time (Seoul)</translation>
    </message>
    <message>
        <source>구분</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>번호</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>금액</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>미해결 금액</source>
        <translation>Orphan amount</translation>
    </message>
</context>
<context>
    <name>reconsole::recon</name>
    <message>
        <source>주문 %1은(는) 아직 미러에 없습니다.</source>
        <translation>Order %1 is not in the mirror yet.</translation>
    </message>
    <message>
        <source>이 출금에는 연결된 주문이 없습니다.</source>
        <translation>This debit names no order.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>상품 정보 없음</source>
        <translation>no product record</translation>
    </message>
    <message>
        <source>주문 %1: %2, 수량 %3, 합계 %4, 상태 &apos;%5&apos;, 주문 시각 %6</source>
        <translation>Order %1: %2, quantity %3, total %4, status &apos;%5&apos;, ordered at %6</translation>
    </message>
    <message>
        <source>결제 %1은(는) 미러에 기록이 없습니다.</source>
        <translation>Payment %1 has no record in the mirror.</translation>
    </message>
    <message>
        <source>결제 시도 기록이 없습니다.</source>
        <translation>No payment attempts recorded.</translation>
    </message>
    <message>
        <source>%1 %2 &apos;%3&apos; (%4)</source>
        <translation>%1 %2 &apos;%3&apos; (%4)</translation>
    </message>
    <message>
        <source>결제 시도: %1</source>
        <translation>Payment attempts: %1</translation>
    </message>
    <message>
        <source>현금영수증: 없음</source>
        <translation>Cash receipts: none</translation>
    </message>
    <message>
        <source>현금영수증: %1</source>
        <translation>Cash receipts: %1</translation>
    </message>
    <message>
        <source>돌려준 금액: 없음</source>
        <translation>Given back: nothing</translation>
    </message>
    <message>
        <source>%1 %2 %3 (%4)</source>
        <translation>%1 %2 %3 (%4)</translation>
    </message>
    <message>
        <source>돌려준 금액: %1 (합계 %2)</source>
        <translation>Given back: %1 (total %2)</translation>
    </message>
    <message>
        <source>결제 기록 없음</source>
        <translation>No payment</translation>
    </message>
    <message>
        <source>결제 미완료</source>
        <translation>Payment not completed</translation>
    </message>
    <message>
        <source>초과 출금</source>
        <translation>Over-capture</translation>
    </message>
    <message>
        <source>충전 미입금</source>
        <translation>Top-up not credited</translation>
    </message>
    <message>
        <source>결제 외 출금</source>
        <translation>Non-payment debit</translation>
    </message>
    <message>
        <source>원인 미상</source>
        <translation>Cause unknown</translation>
    </message>
    <message>
        <source>현금영수증 대상이 아닌 상품에 현금영수증 단계 실행</source>
        <translation>Cash-receipt step run on a product not eligible for cash receipts</translation>
    </message>
    <message>
        <source>몇 초 간격의 중복 출금</source>
        <translation>Duplicate debit seconds apart</translation>
    </message>
    <message>
        <source>결제 금액보다 많이 출금</source>
        <translation>Debited more than the payment</translation>
    </message>
    <message>
        <source>은행 출금 후 머니 충전이 들어오지 않음</source>
        <translation>Bank debited, wallet top-up never credited</translation>
    </message>
    <message>
        <source>충전 금액 일부만 입금</source>
        <translation>Top-up only partly credited</translation>
    </message>
    <message>
        <source>출금이 가리키는 결제 기록이 도착하지 않음</source>
        <translation>The payment the debit names never arrived</translation>
    </message>
    <message>
        <source>결제 번호 없는 결제 출금</source>
        <translation>Payment debit without a payment id</translation>
    </message>
    <message>
        <source>결제가 대기 상태로 멈춤</source>
        <translation>Payment stuck pending</translation>
    </message>
    <message>
        <source>결제 실패 후 출금이 취소되지 않음</source>
        <translation>Payment failed, debit not reversed</translation>
    </message>
    <message>
        <source>결제 취소 후 환불되지 않음</source>
        <translation>Payment cancelled, not refunded</translation>
    </message>
    <message>
        <source>현금영수증 단계의 출금</source>
        <translation>Debit made by the cash-receipt step</translation>
    </message>
    <message>
        <source>수수료 출금</source>
        <translation>Fee debit</translation>
    </message>
    <message>
        <source>알 수 없는 용도의 출금</source>
        <translation>Debit of unknown purpose</translation>
    </message>
    <message>
        <source>대기</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>승인</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>실패</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>결제 완료</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>발행</source>
        <translation>issued</translation>
    </message>
    <message>
        <source>발행 실패</source>
        <translation>issue failed</translation>
    </message>
    <message>
        <source>결제</source>
        <translation>payment</translation>
    </message>
    <message>
        <source>충전</source>
        <translation>top-up</translation>
    </message>
    <message>
        <source>환불</source>
        <translation>refund</translation>
    </message>
    <message>
        <source>취소(역거래)</source>
        <translation>reversal</translation>
    </message>
    <message>
        <source>현금영수증</source>
        <translation>cash receipt</translation>
    </message>
    <message>
        <source>수수료</source>
        <translation>fee</translation>
    </message>
    <message>
        <source>머니</source>
        <translation>wallet</translation>
    </message>
    <message>
        <source>은행</source>
        <translation>bank</translation>
    </message>
    <message>
        <source>카드</source>
        <translation>card</translation>
    </message>
    <message>
        <source>휴대폰</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>포인트</source>
        <translation>points</translation>
    </message>
    <message>
        <source>%1 고객(%2)의 %3 계정(%4)에서 %5에 %6이 %7 용도로 출금되었습니다.</source>
        <translation>%6 was debited from customer %1 (%2), %3 account (%4), at %5 for %7.</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>같은 결제의 다른 출금: %1</source>
        <translation>Other debits of the same payment: %1</translation>
    </message>
    <message>
        <source>미해결 금액 %1 (%2), 경과 %3 (기준 시각 %4)</source>
        <translation>Orphan amount %1 (%2), missing for %3 (as of %4)</translation>
    </message>
    <message>
        <source> (%1초 간격)</source>
        <translation> (%1 s apart)</translation>
    </message>
    <message>
        <source>추정 원인: %1</source>
        <translation>Likely cause: %1</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::AccountTable</name>
    <message>
        <source>피드에는 시작 잔액이 없으므로, 미러에 있는 기간 동안 들어온 돈에서 나간 돈을 뺀 값입니다. 잔액이 아닙니다.</source>
        <translation>The feed has no opening balances: this is money in minus money out over the mirror&apos;s window. It is not a balance.</translation>
    </message>
    <message>
        <source>계정</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>기간 내 순증감</source>
        <translation>Net over the window</translation>
    </message>
    <message>
        <source>출금</source>
        <translation>Debits</translation>
    </message>
    <message>
        <source>입금</source>
        <translation>Credits</translation>
    </message>
    <message>
        <source>%1
출금 %2 · 입금 %3

%4</source>
        <translation>%1
Debits %2 · credits %3

%4</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::AcknowledgeDialog</name>
    <message>
        <source>의도된 것으로 확인</source>
        <translation>Acknowledge as intended</translation>
    </message>
    <message>
        <source>이상을 의도된 것으로 확인 — %1</source>
        <translation>Acknowledge a finding as intended — %1</translation>
    </message>
    <message>
        <source> · 주문 %1</source>
        <translation> · order %1</translation>
    </message>
    <message>
        <source>왜 의도된 것인지 (예: 세트 할인 행사, 가맹점과 합의)</source>
        <translation>Why it is intended (e.g. a set promotion agreed with the merchant)</translation>
    </message>
    <message>
        <source>확인한 이상은 상품이 다시 바뀔 때까지 열린 이상으로 세지 않습니다. 확인은 감사 기록에 남습니다.</source>
        <translation>An acknowledged finding stops counting as open until the product changes again. The acknowledgement is audited.</translation>
    </message>
    <message>
        <source>이상</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>이 상품에는 확인할 열린 이상이 없습니다.</source>
        <translation>This product has no open finding to acknowledge.</translation>
    </message>
    <message>
        <source>기록하는 중…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다: %1</source>
        <translation>Could not write to the operations store: %1</translation>
    </message>
    <message>
        <source>의도된 것으로 기록했습니다 (%1, 버전 %2).</source>
        <translation>Recorded as intended (%1, version %2).</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::AuditScreen</name>
    <message>
        <source>(없음)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>거부된 시도만</source>
        <translation>Refused attempts only</translation>
    </message>
    <message>
        <source>검증</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>감사 로그의 해시 사슬을 처음부터 끝까지 확인합니다. 기록이 바뀌거나 지워지거나 순서가 바뀌었으면 처음 깨진 항목을 알려 줍니다.</source>
        <translation>Checks the audit log&apos;s hash chain from start to end. If an entry was changed, deleted or reordered, it names the first broken entry.</translation>
    </message>
    <message>
        <source>바뀌기 전</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>바뀐 뒤</source>
        <translation>After</translation>
    </message>
    <message>
        <source>운영자 ID</source>
        <translation>Operator ID</translation>
    </message>
    <message>
        <source>조치 (앞부분, 예: refund.)</source>
        <translation>Action (prefix, e.g. refund.)</translation>
    </message>
    <message>
        <source>대상 (요청·원장 ID)</source>
        <translation>Target (request or ledger ID)</translation>
    </message>
    <message>
        <source>새로 고침</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>검증하는 중…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>감사 로그를 읽지 못했습니다: %1</source>
        <translation>Could not read the audit log: %1</translation>
    </message>
    <message>
        <source>✘ 깨졌습니다: %1번 항목부터 맞지 않습니다 — %2</source>
        <translation>✘ Broken: the chain fails from entry %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>✔ 온전합니다: 항목 %Ln개, 마지막 해시 %1…</source>
        <translation>
            <numerusform>✔ Intact: %Ln entry, last hash %1…</numerusform>
            <numerusform>✔ Intact: %Ln entries, last hash %1…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CaseAnswerDialog</name>
    <message>
        <source>사건 %1 답변</source>
        <translation>Answer case %1</translation>
    </message>
    <message>
        <source>근거: 확인한 것과 고객에게 알린 원인 (오류 없음에는 필수)</source>
        <translation>Evidence: what was checked and the cause told to the customer (required for no error)</translation>
    </message>
    <message>
        <source>환불함은 완료된 환불 요청이, 카탈로그 정정은 반영된 정정이 사건에 연결되어 있어야 합니다.</source>
        <translation>Refunded needs a settled refund request linked to the case; catalog correction a settled fix.</translation>
    </message>
    <message>
        <source>답변 기록</source>
        <translation>Record answer</translation>
    </message>
    <message>
        <source>결과</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>근거</source>
        <translation>Evidence</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CaseAssignDialog</name>
    <message>
        <source>운영자 목록을 읽는 중…</source>
        <translation>Reading the operators…</translation>
    </message>
    <message>
        <source>담당자 바꾸기</source>
        <translation>Change owner</translation>
    </message>
    <message>
        <source>맡기기</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>사건</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>지금 담당</source>
        <translation>Current owner</translation>
    </message>
    <message>
        <source>새 담당</source>
        <translation>New owner</translation>
    </message>
    <message>
        <source>운영자 목록을 읽지 못했습니다: %1</source>
        <translation>Could not read the operators: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>사건을 맡을 수 있는 운영자(상담, 운영)만 보입니다.</source>
        <translation>Only operators who work on cases (agents, ops) are listed.</translation>
    </message>
    <message>
        <source>사건을 맡을 다른 운영자가 없습니다.</source>
        <translation>There is no other operator who works on cases.</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CaseDetailPane</name>
    <message>
        <source>메모 추가</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>통지서를 PDF로 저장…</source>
        <translation>Save notice as PDF…</translation>
    </message>
    <message>
        <source>통지 기록</source>
        <translation>Record notice</translation>
    </message>
    <message>
        <source>민원</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>기한 (2주, 서울 날짜)</source>
        <translation>Deadline (two weeks, Seoul dates)</translation>
    </message>
    <message>
        <source>연결된 항목</source>
        <translation>Linked items</translation>
    </message>
    <message>
        <source>결과</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>사건 경과</source>
        <translation>Case history</translation>
    </message>
    <message>
        <source>사건을 고르면 내용이 여기에 나옵니다.</source>
        <translation>Choose a case to see it here.</translation>
    </message>
    <message>
        <source>확인한 것, 고객에게 들은 것</source>
        <translation>What was checked, what the customer said</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>서면 통지서를 PDF로 쓰고, 보낸 것으로 사본과 함께 기록합니다.</source>
        <translation>Writes the notice as a PDF and records it as given in writing, with a copy.</translation>
    </message>
    <message>
        <source>고객이 원해서 전화·이메일·채팅으로 알린 것을 이 내용으로 기록합니다.</source>
        <translation>Records this text as told by phone, e-mail or chat at the customer&apos;s request.</translation>
    </message>
    <message>
        <source>고객 통지 (원인과 결과)</source>
        <translation>Notice to the customer (cause and result)</translation>
    </message>
    <message>
        <source>사건을 읽지 못했습니다: %1</source>
        <translation>Could not read the cases: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>고객: %1</source>
        <translation>Customer: %1</translation>
    </message>
    <message>
        <source>경로: %1</source>
        <translation>Channel: %1</translation>
    </message>
    <message>
        <source>자체 발견</source>
        <translation>Found by us</translation>
    </message>
    <message>
        <source>접수: %1</source>
        <translation>Received: %1</translation>
    </message>
    <message>
        <source>고객이 말한 금액·날짜: %1 · %2</source>
        <translation>Amount and date named: %1 · %2</translation>
    </message>
    <message>
        <source>고객의 말: %1</source>
        <translation>In their words: %1</translation>
    </message>
    <message>
        <source>담당: %1</source>
        <translation>Owner: %1</translation>
    </message>
    <message>
        <source>시작 %1
마지막 날 %2 · %3</source>
        <translation>Started %1
Last day %2 · %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source>연결된 항목이 없습니다.</source>
        <translation>Nothing is linked.</translation>
    </message>
    <message>
        <source>아직 답변하지 않았습니다.</source>
        <translation>Not answered yet.</translation>
    </message>
    <message>
        <source> · 답변 %1</source>
        <translation> · answered %1</translation>
    </message>
    <message>
        <source> · 기한이 지난 뒤 답변</source>
        <translation> · answered after the deadline</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>메모가 없습니다.</source>
        <translation>No notes.</translation>
    </message>
    <message>
        <source>답변한 사건에 대해 통지서를 만듭니다.</source>
        <translation>A notice is made once the case is answered.</translation>
    </message>
    <message>
        <source>사건</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다: %1</source>
        <translation>Could not write to the operations store: %1</translation>
    </message>
    <message>
        <source>통지서 저장</source>
        <translation>Save notice</translation>
    </message>
    <message>
        <source>PDF 문서 (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>통지서를 만들지 못했습니다: %1</source>
        <translation>Could not make the notice: %1</translation>
    </message>
    <message>
        <source>통지서를 저장하고 서면 통지로 기록했습니다: %1</source>
        <translation>Notice saved and recorded as given in writing: %1</translation>
    </message>
    <message>
        <source>통지를 기록했습니다 (%1).</source>
        <translation>Notice recorded (%1).</translation>
    </message>
    <message>
        <source>메모가 가리키는 우리 가게 주문</source>
        <translation>The order of your shop this note is about</translation>
    </message>
    <message>
        <source>%1 %2 (주문 %3): %4</source>
        <translation>%1 %2 (order %3): %4</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CaseLinkDialog</name>
    <message>
        <source>사건 %1에 연결</source>
        <translation>Link to case %1</translation>
    </message>
    <message>
        <source>원장·주문·요청·정정 ID</source>
        <translation>Ledger, order, request or fix ID</translation>
    </message>
    <message>
        <source>연결</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CasePolicyDialog</name>
    <message>
        <source>마지막 날이 토요일이나 공휴일이면 다음 평일까지 (민법 제161조)</source>
        <translation>A last day on a Saturday or public holiday moves to the next working day (Civil Act art. 161)</translation>
    </message>
    <message>
        <source>기한 규칙을 읽는 중…</source>
        <translation>Reading the deadline rule…</translation>
    </message>
    <message>
        <source>답변 기한 규칙</source>
        <translation>Answer deadline rule</translation>
    </message>
    <message>
        <source>일</source>
        <translation> days</translation>
    </message>
    <message>
        <source>출시 목록으로</source>
        <translation>Shipped list</translation>
    </message>
    <message>
        <source>Reconsole과 함께 배포된 2026–2027년 공휴일 목록을 다시 씁니다.</source>
        <translation>Goes back to the 2026–2027 holiday list shipped with Reconsole.</translation>
    </message>
    <message>
        <source>기간</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>공휴일 (한 줄에 하나: 날짜 이름)</source>
        <translation>Public holidays (one per line: date name)</translation>
    </message>
    <message>
        <source>받은 날은 0시에 시작하지 않았으면 세지 않습니다 (민법 제157조). 일요일은 늘 공휴일입니다.</source>
        <translation>The day of receipt is not counted unless it began at 00:00 (Civil Act art. 157). Sundays are always holidays.</translation>
    </message>
    <message>
        <source>관리자가 고친 목록</source>
        <translation>Edited by an admin</translation>
    </message>
    <message>
        <source>기한 규칙을 읽지 못했습니다: %1</source>
        <translation>Could not read the deadline rule: %1</translation>
    </message>
    <message>
        <source>기한 규칙은 관리자만 바꿀 수 있습니다.</source>
        <translation>Only an admin can change the deadline rule.</translation>
    </message>
    <message>
        <source>출시 목록 (2026–2027)</source>
        <translation>Shipped list (2026–2027)</translation>
    </message>
    <message>
        <source>관리자가 정한 목록</source>
        <translation>An admin&apos;s list</translation>
    </message>
    <message>
        <source> · %1 %2에 바꿈</source>
        <translation> · changed by %1 at %2</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다: %1</source>
        <translation>Could not write to the operations store: %1</translation>
    </message>
    <message>
        <source>2026-10-05 개천절 대체공휴일</source>
        <translation>2026-10-05 substitute holiday</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CasesScreen</name>
    <message>
        <source>기한 지난 것만</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>사건 열기…</source>
        <translation>Open case…</translation>
    </message>
    <message>
        <source>연결…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>조사 시작</source>
        <translation>Investigate</translation>
    </message>
    <message>
        <source>답변…</source>
        <translation>Answer…</translation>
    </message>
    <message>
        <source>종결</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>다시 열기…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>두 번 누르면 이 고객의 거래 흐름을 엽니다.</source>
        <translation>Double-click to open this customer&apos;s timeline.</translation>
    </message>
    <message>
        <source>모든 상태</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>모든 담당</source>
        <translation>All owners</translation>
    </message>
    <message>
        <source>모든 경로</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>새로 고침</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <source>담당</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>경로</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>고객의 민원을 사건으로 엽니다. 접수한 날의 다음 날부터 2주가 기한입니다.</source>
        <translation>Opens a case for a customer&apos;s complaint. It is due two weeks from the day after receipt.</translation>
    </message>
    <message>
        <source>고객에게 알린 원인과 결과를 근거와 함께 기록합니다. 시계가 멈춥니다.</source>
        <translation>Records the cause and result told to the customer, with evidence. The clock stops.</translation>
    </message>
    <message>
        <source>사건을 읽는 중…</source>
        <translation>Reading cases…</translation>
    </message>
    <message>
        <source>보이는 사건 %1건 · 3일 안에 기한 %2건 · 기한 지남 %3건</source>
        <translation>%1 cases shown · %2 due within 3 days · %3 overdue</translation>
    </message>
    <message>
        <source>이 운영자는 사건을 볼 수만 있습니다 (사건 처리 권한 없음).</source>
        <translation>This operator may only look at cases (no permission to work them).</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다: %1</source>
        <translation>Could not write to the operations store: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %2을(를) 연결했습니다</source>
        <translation>Linked %1 %2</translation>
    </message>
    <message>
        <source>조사를 시작했습니다</source>
        <translation>Investigation started</translation>
    </message>
    <message>
        <source>답변을 기록했습니다 (%1)</source>
        <translation>Answer recorded (%1)</translation>
    </message>
    <message>
        <source>사건을 종결했습니다</source>
        <translation>Case closed</translation>
    </message>
    <message>
        <source>사건을 다시 열었습니다</source>
        <translation>Case reopened</translation>
    </message>
    <message>
        <source>사건 다시 열기</source>
        <translation>Reopen case</translation>
    </message>
    <message>
        <source>다시 여는 이유 (고객이 다시 문의함 등)</source>
        <translation>Why it is reopened (the customer asked again, …)</translation>
    </message>
    <message>
        <source>담당 바꾸기…</source>
        <translation>Change owner…</translation>
    </message>
    <message>
        <source>기한 규칙…</source>
        <translation>Deadline rule…</translation>
    </message>
    <message>
        <source>모든 가맹점</source>
        <translation>All merchants</translation>
    </message>
    <message>
        <source>답변 기한의 날 수와 공휴일 목록 (관리자가 바꿉니다)</source>
        <translation>The days to answer and the holiday list (an admin changes them)</translation>
    </message>
    <message>
        <source>가맹점</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>사건을 다른 상담원이나 운영자에게 맡깁니다.</source>
        <translation>Hands the case to another agent or ops operator.</translation>
    </message>
    <message>
        <source>%1에게 맡겼습니다</source>
        <translation>Assigned to %1</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CatalogFilterBar</name>
    <message>
        <source>이상 있는 상품만</source>
        <translation>Flagged only</translation>
    </message>
    <message>
        <source>모든 규칙</source>
        <translation>All rules</translation>
    </message>
    <message>
        <source>필터 초기화</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>모든 가맹점</source>
        <translation>All merchants</translation>
    </message>
    <message>
        <source>모든 종류</source>
        <translation>All kinds</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CatalogFixPanel</name>
    <message>
        <source>요청 번호</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <source>바꿀 값</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>요청</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>승인·결정</source>
        <translation>Approved / decided</translation>
    </message>
    <message>
        <source>승인</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>반려</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>플랫폼 거절 기록</source>
        <translation>Record refusal</translation>
    </message>
    <message>
        <source>플랫폼이 전달된 수정을 거절했을 때 (보고서의 이유를 메모에 적고) 기록합니다. 그래야 새 수정을 제안할 수 있습니다.</source>
        <translation>Records that the platform refused a sent fix (put its report&apos;s reason in the note). A new fix can be proposed after that.</translation>
    </message>
    <message>
        <source>반려·취소·거절 사유 (반려와 거절 기록에는 꼭 필요)</source>
        <translation>Why rejected, cancelled or refused (needed to reject or record a refusal)</translation>
    </message>
    <message>
        <source>다른 운영 담당자가 요청한 수정을 승인합니다. 승인된 수정은 다음 내보내기 때 플랫폼에 전달됩니다.</source>
        <translation>Approves a fix another ops operator asked for. Approved fixes go to the platform with the next export.</translation>
    </message>
    <message>
        <source> · 기한 지남</source>
        <translation> · overdue</translation>
    </message>
    <message>
        <source>승인 %1</source>
        <translation>approved by %1</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source> · 버전 %1로 반영됨</source>
        <translation> · carried by version %1</translation>
    </message>
    <message>
        <source>이 상품에는 카탈로그 수정 요청이 없습니다.</source>
        <translation>No catalog fix was asked for this product.</translation>
    </message>
    <message>
        <source>자신의 수정 요청은 승인할 수 없습니다. 다른 운영 담당자가 승인해야 합니다.</source>
        <translation>Nobody approves their own fix: another ops operator must.</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다: %1</source>
        <translation>Could not write to the operations store: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CatalogRulesDialog</name>
    <message>
        <source>정가의 최소 %</source>
        <translation>min % of list</translation>
    </message>
    <message>
        <source>정가의 최대 %</source>
        <translation>max % of list</translation>
    </message>
    <message>
        <source>0 하나 빠짐 (이하 %)</source>
        <translation>missing zero (at or below %)</translation>
    </message>
    <message>
        <source>0 하나 더 (이상 %)</source>
        <translation>extra zero (at or above %)</translation>
    </message>
    <message>
        <source>변화 한도 %</source>
        <translation>change limit %</translation>
    </message>
    <message>
        <source>변화 한도 (bp)</source>
        <translation>change limit (bp)</translation>
    </message>
    <message>
        <source>저장</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>카탈로그 규칙 설정</source>
        <translation>Catalog rules</translation>
    </message>
    <message>
        <source>설정을 읽는 중…</source>
        <translation>Reading the settings…</translation>
    </message>
    <message>
        <source>운영 저장소의 설정을 읽지 못했습니다: %1</source>
        <translation>Could not read the settings from the operations store: %1</translation>
    </message>
    <message>
        <source>%1이(가) %2에 바꾼 설정입니다.</source>
        <translation>Set by %1 at %2.</translation>
    </message>
    <message>
        <source>기본값입니다 (관리자가 바꾼 적 없음).</source>
        <translation>The defaults (no admin has changed them).</translation>
    </message>
    <message>
        <source>바꾸면 감사 기록에 남고, 미러의 카탈로그 이상을 새 설정으로 다시 점검합니다.</source>
        <translation>A change is audited, and the mirror&apos;s catalog findings are checked again with the new settings.</translation>
    </message>
    <message>
        <source>관리자만 바꿀 수 있습니다.</source>
        <translation>Only admins change them.</translation>
    </message>
    <message>
        <source>바뀐 설정이 없습니다.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>저장하는 중…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다: %1</source>
        <translation>Could not write to the operations store: %1</translation>
    </message>
    <message>
        <source>저장했습니다. 카탈로그 이상을 새 설정으로 다시 점검합니다.</source>
        <translation>Saved. The catalog findings are checked again with the new settings.</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CatalogScreen</name>
    <message>
        <source>카탈로그 점검 결과가 최신이 아닙니다 (점검을 함께 하지 않은 가져오기, 대량 적재 또는 업그레이드 뒤). reconsole-cli catalog check --db &lt;미러&gt;로 다시 점검하면 이 화면이 최신 결과를 보여 줍니다.</source>
        <translation>The catalog findings are not up to date (after an import that did not check them, a bulk load or an upgrade). Check again with reconsole-cli catalog check --db &lt;mirror&gt; and this screen shows the current findings.</translation>
    </message>
    <message>
        <source>색이 칠해진 행은 열린 카탈로그 이상이 있는 상품입니다 (빨강: 높음, 주황: 보통, 노랑: 낮음).</source>
        <translation>Tinted rows are products with open catalog findings (red: high, orange: medium, yellow: low).</translation>
    </message>
    <message>
        <source>선택한 상품</source>
        <translation>Selected product</translation>
    </message>
    <message>
        <source>버전 이력 (굵은 값이 그 버전에서 바뀐 것, 색칠한 행은 이상이 있던 버전)</source>
        <translation>Versions (bold: changed in that version; tinted: a version with a finding)</translation>
    </message>
    <message>
        <source>가격 변화 (정가와 판매가)</source>
        <translation>Prices over time (list price and price)</translation>
    </message>
    <message>
        <source>카탈로그를 읽지 못했습니다: %1</source>
        <translation>Could not read the catalog: %1</translation>
    </message>
    <message>
        <source>상품 이력을 읽지 못했습니다: %1</source>
        <translation>Could not read the product&apos;s history: %1</translation>
    </message>
    <message numerus="yes">
        <source>상품 %Ln개</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · 열린 이상 없음</source>
        <translation>%1 · no open findings</translation>
    </message>
    <message>
        <source>%1 · 이상 있는 상품 %2개 · 열린 이상 %3건: %4</source>
        <translation>%1 · %2 flagged · %3 open findings: %4</translation>
    </message>
    <message>
        <source>가격 이상 1</source>
        <translation>price 1</translation>
    </message>
    <message>
        <source>상품을 고르면 이상의 설명과 버전 이력을 보여 줍니다.</source>
        <translation>Choose a product to see its findings explained and its versions.</translation>
    </message>
    <message>
        <source> (지난 일)</source>
        <translation> (past)</translation>
    </message>
    <message>
        <source>%1: 주문 %2건 더 (모두 보려면 reconsole-cli catalog check --rule %3)</source>
        <translation>%1: %2 more orders (all of them: reconsole-cli catalog check --rule %3)</translation>
    </message>
    <message>
        <source>이 상품에는 카탈로그 이상이 없습니다.</source>
        <translation>This product has no catalog findings.</translation>
    </message>
    <message>
        <source>수정 제안…</source>
        <translation>Propose a fix…</translation>
    </message>
    <message>
        <source>의도된 것으로 확인…</source>
        <translation>Acknowledge as intended…</translation>
    </message>
    <message>
        <source>영향 보기…</source>
        <translation>Impact…</translation>
    </message>
    <message>
        <source>미수금 CSV…</source>
        <translation>Undercharges CSV…</translation>
    </message>
    <message>
        <source>규칙 설정…</source>
        <translation>Rules…</translation>
    </message>
    <message>
        <source>카탈로그 오류로 덜 받은 주문을 가맹점별 CSV로 내보냅니다.</source>
        <translation>Exports the orders a catalog error charged too little, per merchant, as CSV.</translation>
    </message>
    <message>
        <source>잘못된 값이 걸려 있던 동안의 주문, 더 낸 고객과 덜 받은 가맹점, 현금영수증 표시로 설명되는 미해결 출금.</source>
        <translation>The orders placed while a wrong value was live, the customers who paid too much and the merchant&apos;s shortfall, and the orphan debits the cash-receipt flag explains.</translation>
    </message>
    <message>
        <source>이상과 이력</source>
        <translation>Findings and history</translation>
    </message>
    <message>
        <source>수정 요청</source>
        <translation>Fixes</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source>수정 요청 (%1)</source>
        <translation>Fixes (%1)</translation>
    </message>
    <message>
        <source>운영 저장소를 읽지 못했습니다: %1</source>
        <translation>Could not read the operations store: %1</translation>
    </message>
    <message>
        <source>✔ 의도된 것으로 확인됨 — %1, %2: %3</source>
        <translation>✔ Acknowledged as intended — %1, %2: %3</translation>
    </message>
    <message>
        <source>운영 저장소가 없습니다.</source>
        <translation>No operations store.</translation>
    </message>
    <message>
        <source>카탈로그 수정은 운영 담당자나 관리자만 제안할 수 있습니다.</source>
        <translation>Only ops operators and admins propose catalog fixes.</translation>
    </message>
    <message>
        <source>이미 진행 중인 수정이 있습니다: 끝나거나 취소된 뒤에 제안하세요.</source>
        <translation>A fix is already under way: propose another once it is done or cancelled.</translation>
    </message>
    <message>
        <source>바른 판매가, 정가, 할인, 현금영수증 대상을 플랫폼에 요청합니다 (다른 운영 담당자의 승인 필요).</source>
        <translation>Ask the platform for the correct price, list price, discount or cash-receipt flag (another ops operator approves).</translation>
    </message>
    <message>
        <source>이상을 의도된 것으로 확인하는 일은 운영 담당자나 관리자만 할 수 있습니다.</source>
        <translation>Only ops operators and admins acknowledge findings as intended.</translation>
    </message>
    <message>
        <source>이 상품에는 확인할 열린 이상이 없습니다.</source>
        <translation>This product has no open finding to acknowledge.</translation>
    </message>
    <message>
        <source>열린 이상 하나를 사유와 함께 의도된 것으로 기록합니다.</source>
        <translation>Records one open finding as intended, with a reason.</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CsvExportRunner</name>
    <message>
        <source>%1행을 %2에 저장했습니다.</source>
        <translation>Saved %1 rows to %2.</translation>
    </message>
    <message>
        <source>내보내기를 취소했습니다. 파일은 그대로입니다: %1</source>
        <translation>Export cancelled. The file is as it was: %1</translation>
    </message>
    <message>
        <source>%1에 저장하지 못했습니다: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <source>CSV로 내보내기</source>
        <translation>Export to CSV</translation>
    </message>
    <message>
        <source>CSV 파일 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>%1에 내보내는 중…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1행 썼습니다…</source>
        <translation>%1 rows written…</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CustomerCasesBox</name>
    <message>
        <source>민원 사건</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>사건 열기…</source>
        <translation>Open case…</translation>
    </message>
    <message>
        <source>두 번 누르면 민원 사건 화면에서 엽니다.</source>
        <translation>Double-click to open it on the Cases screen.</translation>
    </message>
    <message>
        <source>이 고객의 민원을 사건으로 엽니다. 타임라인에서 고른 출금이 있으면 연결합니다.</source>
        <translation>Opens a case for this customer&apos;s complaint, linking the debit selected in the timeline.</translation>
    </message>
    <message>
        <source>운영 저장소가 연결되지 않았습니다.</source>
        <translation>No operations store is connected.</translation>
    </message>
    <message>
        <source>이 고객의 민원 사건이 없습니다.</source>
        <translation>This customer has no cases.</translation>
    </message>
    <message>
        <source>사건 %1건 (진행 중 %2건)</source>
        <translation>%1 cases (%2 running)</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CustomerHeader</name>
    <message>
        <source>(고객 기록 없음)</source>
        <translation>(no customer record)</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>전화 ***-%1</source>
        <translation>Phone ***-%1</translation>
    </message>
    <message>
        <source>가입 %1</source>
        <translation>Joined %1</translation>
    </message>
    <message>
        <source>미해결 출금 없음</source>
        <translation>No orphan debits</translation>
    </message>
    <message>
        <source>계정</source>
        <translation>Account</translation>
    </message>
    <message numerus="yes">
        <source>미해결 출금 %Ln건 · %1</source>
        <translation>
            <numerusform>%Ln orphan debit · %1</numerusform>
            <numerusform>%Ln orphan debits · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>합산 중…</source>
        <translation>Adding up…</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CustomerRefundsBox</name>
    <message>
        <source>환불 요청</source>
        <translation>Refund requests</translation>
    </message>
    <message>
        <source>환불 요청…</source>
        <translation>Request refund…</translation>
    </message>
    <message>
        <source>타임라인에서 고른 출금에 대한 환불 요청을 만듭니다.</source>
        <translation>Makes a refund request for the debit selected in the timeline.</translation>
    </message>
    <message>
        <source>운영 저장소가 연결되지 않았습니다.</source>
        <translation>No operations store is connected.</translation>
    </message>
    <message>
        <source>이 고객의 환불 요청이 없습니다.</source>
        <translation>This customer has no refund requests.</translation>
    </message>
    <message numerus="yes">
        <source>이 고객의 환불 요청 %Ln건</source>
        <translation>
            <numerusform>%Ln refund request for this customer</numerusform>
            <numerusform>%Ln refund requests for this customer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CustomerSearchPanel</name>
    <message>
        <source>고객 찾기</source>
        <translation>Find a customer</translation>
    </message>
    <message>
        <source>고객 번호, 이름(남**), 전화 뒷자리, 주문·결제·원장 번호</source>
        <translation>Customer id, name (남**), phone ending, order/payment/ledger id</translation>
    </message>
    <message>
        <source>검색어를 입력하면 바로 찾습니다.</source>
        <translation>Results appear as you type.</translation>
    </message>
    <message>
        <source>검색하지 못했습니다: %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <source>미러를 대량으로 가져오는 중이라 이름·전화 뒷자리 검색은 가져오기가 끝난 뒤에 됩니다.</source>
        <translation>A bulk import is running: names and phone endings can be searched when it ends.</translation>
    </message>
    <message>
        <source>일치하는 고객이 없습니다: %1
고객 번호, 이름, 전화 뒷자리, 주문·결제·원장 번호의 앞부분부터 맞춰 찾습니다.</source>
        <translation>No customer matches: %1
Customer ids, names, phone endings and order, payment and ledger ids match from their start.</translation>
    </message>
    <message numerus="yes">
        <source>먼저 찾은 %n명만 보입니다. 더 입력해 좁히세요.</source>
        <translation>
            <numerusform>Only the first %n customer is shown. Type more to narrow it down.</numerusform>
            <numerusform>Only the first %n customers are shown. Type more to narrow it down.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>고객 %n명</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reconsole::ui::CustomerTimelinePanel</name>
    <message>
        <source>
미해결 %1 · %2</source>
        <translation>
Orphan %1 · %2</translation>
    </message>
    <message>
        <source>왼쪽에서 고객을 찾아 고르면 이곳에 타임라인이 나옵니다.</source>
        <translation>Find and pick a customer on the left to see the timeline here.</translation>
    </message>
    <message>
        <source>설명 복사</source>
        <translation>Copy explanation</translation>
    </message>
    <message>
        <source>고객 &apos;%1&apos;의 타임라인을 읽지 못했습니다: %2</source>
        <translation>Could not read the timeline of customer &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>설명을 불러오지 못했습니다: %1</source>
        <translation>Could not load the explanation: %1</translation>
    </message>
    <message>
        <source>선택한 미해결 출금</source>
        <translation>Selected orphan debit</translation>
    </message>
    <message>
        <source>고객 %1의 타임라인을 불러오는 중…</source>
        <translation>Loading the timeline of customer %1…</translation>
    </message>
    <message>
        <source>설명을 불러오는 중…</source>
        <translation>Loading the explanation…</translation>
    </message>
    <message>
        <source>빨간색으로 표시된 미해결 출금 행이나 차트의 빨간 점을 고르면 무슨 일이 있었는지 여기에 설명이 나옵니다.</source>
        <translation>Pick an orphan debit row (in red) or a red point on the chart to see here what happened.</translation>
    </message>
    <message>
        <source>고객 답변 복사</source>
        <translation>Copy reply</translation>
    </message>
    <message>
        <source>이 미러에 없는 고객입니다: %1</source>
        <translation>No such customer in this mirror: %1</translation>
    </message>
    <message>
        <source>위의 설명(근거와 추정 원인)을 동료에게 넘길 수 있게 클립보드에 복사합니다.</source>
        <translation>Copies the explanation above (evidence and likely cause) for a colleague.</translation>
    </message>
    <message>
        <source>고객에게 보낼 한국어 답변을 클립보드에 복사합니다. 환불은 요청된 경우에만 약속합니다.</source>
        <translation>Copies the Korean reply for the customer. It promises a refund only when one has been requested.</translation>
    </message>
    <message numerus="yes">
        <source>고객 %1의 타임라인: 기록 %Ln건</source>
        <translation>
            <numerusform>Timeline of customer %1: %Ln record</numerusform>
            <numerusform>Timeline of customer %1: %Ln records</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 설명을 복사했습니다. 동료에게 붙여 넣으세요.</source>
        <translation>Copied the explanation of %1: paste it for a colleague.</translation>
    </message>
    <message>
        <source>%1 고객 답변을 복사했습니다.</source>
        <translation>Copied the customer reply for %1.</translation>
    </message>
    <message>
        <source>거래흐름-%1.csv</source>
        <translation>timeline-%1.csv</translation>
    </message>
    <message>
        <source>이 고객의 거래 흐름을 CSV로 내보내기…</source>
        <translation>Export this customer&apos;s timeline to CSV…</translation>
    </message>
    <message>
        <source>거래 흐름</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>환불 요청</source>
        <translation>Refund requests</translation>
    </message>
    <message>
        <source>민원 사건</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>환불 요청 (%1)</source>
        <translation>Refund requests (%1)</translation>
    </message>
    <message>
        <source>민원 사건 (%1)</source>
        <translation>Cases (%1)</translation>
    </message>
    <message>
        <source>거래 흐름 (%1 / %2)</source>
        <translation>Timeline (%1 of %2)</translation>
    </message>
    <message>
        <source>거래 흐름 (%1)</source>
        <translation>Timeline (%1)</translation>
    </message>
    <message numerus="yes">
        <source>고객 %1: 최근 기록 %Ln건을 먼저 보여 드립니다. 이전 기록을 읽는 중…</source>
        <translation>
            <numerusform>Customer %1: the newest record is shown first. Reading the earlier ones…</numerusform>
            <numerusform>Customer %1: the newest %Ln records are shown first. Reading the earlier ones…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · 최근만, 이전 기록 읽는 중</source>
        <translation>%1 · newest only, reading the rest</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::DashboardScreen</name>
    <message>
        <source>미해결 출금</source>
        <translation>Orphan debits</translation>
    </message>
    <message>
        <source>미해결 금액</source>
        <translation>Orphan amount</translation>
    </message>
    <message>
        <source>가장 오래된 미해결 출금</source>
        <translation>Oldest orphan debit</translation>
    </message>
    <message>
        <source>기준 시각 (최신 원장 기록)</source>
        <translation>As of (newest ledger record)</translation>
    </message>
    <message>
        <source>행을 두 번 누르면 그 유형의 미해결 출금 목록으로 갑니다.</source>
        <translation>Double-click a row to see that class in the orphan queue.</translation>
    </message>
    <message>
        <source>막대를 누르면 그 날짜와 유형의 미해결 출금 목록으로 갑니다.</source>
        <translation>Click a bar to see that day and class in the orphan queue.</translation>
    </message>
    <message>
        <source>유형별 현황</source>
        <translation>By class</translation>
    </message>
    <message>
        <source>미해결 금액 상위 가맹점</source>
        <translation>Merchants with the most orphan money</translation>
    </message>
    <message>
        <source>막대를 누르면 그 가맹점의 미해결 출금 목록으로 갑니다.</source>
        <translation>Click a bar to see that merchant in the orphan queue.</translation>
    </message>
    <message>
        <source>대시보드를 읽지 못했습니다: %1</source>
        <translation>Could not read the dashboard: %1</translation>
    </message>
    <message>
        <source>원장 기록이 없습니다</source>
        <translation>no ledger records</translation>
    </message>
    <message>
        <source>유예 30분이 지난 출금만 셉니다</source>
        <translation>Only debits past the 30-minute grace</translation>
    </message>
    <message>
        <source>돌려받지 못한 금액의 합계</source>
        <translation>Money not yet given back</translation>
    </message>
    <message>
        <source>%1 출금</source>
        <translation>debited %1</translation>
    </message>
    <message>
        <source>미해결 출금이 없습니다</source>
        <translation>No orphan debits</translation>
    </message>
    <message>
        <source>Asia/Seoul (UTC+09:00)</source>
        <translation>Asia/Seoul (UTC+09:00)</translation>
    </message>
    <message>
        <source>카탈로그 이상 (열린 것)</source>
        <translation>Catalog findings (open)</translation>
    </message>
    <message>
        <source>카탈로그 규칙이 찾은, 지금도 고쳐지지 않은 이상입니다. 자세한 내용은 카탈로그 화면에 있습니다.</source>
        <translation>What the catalog rules found and is not fixed yet. The Catalog screen has the details.</translation>
    </message>
    <message numerus="yes">
        <source>일별 미해결 금액 (유형별, 최근 %n일)</source>
        <translation>
            <numerusform>Orphan money per day (by class, last %n day)</numerusform>
            <numerusform>Orphan money per day (by class, last %n days)</numerusform>
        </translation>
    </message>
    <message>
        <source>일별 미해결 금액 (유형별)</source>
        <translation>Orphan money per day (by class)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln건</source>
        <translation>
            <numerusform>%Ln</numerusform>
            <numerusform>%Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>없음</source>
        <translation>None</translation>
    </message>
    <message>
        <source>점검 결과가 오래되어 다시 점검해야 합니다</source>
        <translation>The findings are out of date and need checking again</translation>
    </message>
    <message>
        <source>열린 이상이 없습니다</source>
        <translation>No open findings</translation>
    </message>
    <message numerus="yes">
        <source>상품 %Ln개 · 다시 점검 필요</source>
        <translation>
            <numerusform>%Ln product · needs checking again</numerusform>
            <numerusform>%Ln products · need checking again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>상품 %Ln개</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>높음 %Ln건</source>
        <translation>
            <numerusform>%Ln high</numerusform>
            <numerusform>%Ln high</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>확인됨 %Ln건 제외</source>
        <translation>
            <numerusform>%Ln acknowledged not counted</numerusform>
            <numerusform>%Ln acknowledged not counted</numerusform>
        </translation>
    </message>
    <message>
        <source>고객에게 원인과 결과를 알려야 하는 기한이 3일 안에 끝나거나 이미 지난 민원 사건입니다.</source>
        <translation>Cases whose deadline to tell the customer the cause and result ends within 3 days or has passed.</translation>
    </message>
    <message>
        <source>민원 사건 기한 (2주): 기한 지남 %1건 · 3일 안에 기한 %2건</source>
        <translation>Case deadlines (two weeks): %1 overdue · %2 due within 3 days</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::FirstRunDialog</name>
    <message>
        <source>데모 미러 만들기</source>
        <translation>Build a demo mirror</translation>
    </message>
    <message>
        <source>미러 열기…</source>
        <translation>Open a mirror…</translation>
    </message>
    <message>
        <source>나중에</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>시작하기</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>열 미러가 없습니다. 미러는 결제 플랫폼의 기록을 이 컴퓨터에 옮겨 둔 파일입니다.

처음이라면 데모 미러를 만들어 둘러보세요. 실제와 비슷한 한국어 데모 피드(주문 2만 건)를 만들어 가져오며, 몇 초 걸립니다.
저장 위치: %1</source>
        <translation>There is no mirror to open. A mirror is a file holding a copy of the payment platform&apos;s records on this computer.

First time? Build a demo mirror to look around: a realistic Korean demo feed (20,000 orders) is written and imported, which takes a few seconds.
It will be saved at: %1</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::FreshnessIndicator</name>
    <message>
        <source>미러 없음</source>
        <translation>No mirror</translation>
    </message>
    <message>
        <source>없음</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%1 (%2 전)</source>
        <translation>%1 (%2 ago)</translation>
    </message>
    <message>
        <source>최신 기록 %1 · 마지막 가져오기 %2</source>
        <translation>Newest record %1 · last import %2</translation>
    </message>
    <message>
        <source>⚠ 오래된 미러: %1 · %2</source>
        <translation>⚠ Stale mirror: %1 · %2</translation>
    </message>
    <message>
        <source>시각은 Asia/Seoul (UTC+09:00). 마지막 가져오기가 1시간보다 오래되었거나 최신 원장 기록이 하루보다 오래되면 경고합니다.
마지막 가져오기 상태: %1</source>
        <translation>Times are Asia/Seoul (UTC+09:00). Warns when the last import is over an hour old or the newest ledger record over a day old.
Last import status: %1</translation>
    </message>
    <message>
        <source>최신 기록 %1 · 내보낸 사본 %2 (%3 전)</source>
        <translation>Newest record %1 · exported copy %2 (%3 ago)</translation>
    </message>
    <message>
        <source>시각은 Asia/Seoul (UTC+09:00). 이 파일은 한 가맹점용으로 내보낸 미러의 사본입니다 (export-mirror --merchant). 가져오기는 원래 미러에서 하며, 이 사본은 내보낸 때의 기록만 담고 있습니다. 최신 원장 기록이 하루보다 오래되면 경고합니다.</source>
        <translation>Times are Asia/Seoul (UTC+09:00). This file is a copy of the mirror exported for one merchant (export-mirror --merchant). Imports happen on the original mirror; this copy holds the records as they were when it was exported. Warns when the newest ledger record is more than a day old.</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::ImpactDialog</name>
    <message>
        <source>더 냄</source>
        <translation>overpaid</translation>
    </message>
    <message>
        <source>덜 냄</source>
        <translation>underpaid</translation>
    </message>
    <message>
        <source>금액 같음</source>
        <translation>same amount</translation>
    </message>
    <message>
        <source>결제 안 됨</source>
        <translation>not paid</translation>
    </message>
    <message>
        <source>바른 가격 알 수 없음</source>
        <translation>correct price unknown</translation>
    </message>
    <message>
        <source>결제됨</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>대기</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>실패</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>취소됨</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>주문</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>고객</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>주문 시각</source>
        <translation>Ordered at</translation>
    </message>
    <message>
        <source>수량</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>낸 금액</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>냈어야 할 금액</source>
        <translation>Should have paid</translation>
    </message>
    <message>
        <source>차이</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>결과</source>
        <translation>Effect</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>원장</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>출금 시각</source>
        <translation>Debited at</translation>
    </message>
    <message>
        <source>출금액</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>미해결 금액</source>
        <translation>Orphan amount</translation>
    </message>
    <message>
        <source>유형</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>환불 초안 미리 보기…</source>
        <translation>Preview repair refunds…</translation>
    </message>
    <message>
        <source>환불 묶음 검토…</source>
        <translation>Review refund batch…</translation>
    </message>
    <message>
        <source>카탈로그 오류의 영향 — %1</source>
        <translation>Impact of the catalog error — %1</translation>
    </message>
    <message>
        <source>%1에 카탈로그 오류가 미친 영향을 계산하는 중…</source>
        <translation>Working out what the catalog error did to %1…</translation>
    </message>
    <message>
        <source>더 낸 주문마다 돌려줄 금액(낸 금액 − 냈어야 할 금액)을 먼저 보여 주고, 확인하면 환불 요청 묶음을 만듭니다.</source>
        <translation>Shows first what each overcharged order gets back (paid − should have paid); on confirmation, drafts the refund requests as one batch.</translation>
    </message>
    <message>
        <source>운영 저장소의 규칙 설정을 읽지 못해 기본값으로 계산했습니다: %1</source>
        <translation>The rules&apos; settings could not be read from the operations store; worked out with the defaults: %1</translation>
    </message>
    <message>
        <source>미러에 없는 상품입니다.</source>
        <translation>The product is not in the mirror.</translation>
    </message>
    <message>
        <source>%1의 영향을 계산하지 못했습니다: %2</source>
        <translation>Could not work out the impact on %1: %2</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>%1 ~ %2 (%3: %4)</source>
        <translation>%1 to %2 (%3: %4)</translation>
    </message>
    <message>
        <source>지금까지</source>
        <translation>now</translation>
    </message>
    <message>
        <source>버전 %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>버전 %1–%2</source>
        <translation>versions %1–%2</translation>
    </message>
    <message>
        <source>잘못된 값이 걸려 있던 기간이 없습니다.</source>
        <translation>No wrong value was ever live.</translation>
    </message>
    <message>
        <source>잘못된 값이 걸려 있던 기간: %1</source>
        <translation>Wrong value live: %1</translation>
    </message>
    <message>
        <source>더 낸 고객 %1명 (주문 %2건) 합계 %3</source>
        <translation>%1 customers overcharged (%2 orders), %3 in all</translation>
    </message>
    <message>
        <source>가맹점이 덜 받은 금액 %1 (주문 %2건)</source>
        <translation>merchant undercharged %1 (%2 orders)</translation>
    </message>
    <message>
        <source>바른 가격을 알 수 없는 주문 %1건</source>
        <translation>%1 orders with no known correct price</translation>
    </message>
    <message>
        <source>환불 초안은 운영 담당자만 만들 수 있습니다.</source>
        <translation>Only ops operators draft repair refunds.</translation>
    </message>
    <message>
        <source>더 낸 주문이 없어 돌려줄 것이 없습니다. 덜 낸 금액은 고객에게서 받지 않고 가맹점에 알립니다 (미수금 CSV).</source>
        <translation>No order was overcharged: nothing to refund. Undercharges are never taken back from customers; merchants are told (undercharges CSV).</translation>
    </message>
    <message>
        <source>알 수 없음</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>현금영수증 표시로 설명되는 미해결 출금이 없습니다 (현금영수증 단계를 거친 대상 아닌 주문 %1건).</source>
        <translation>No orphan debit is explained by the cash-receipt flag (%1 ineligible orders went through the cash-receipt step).</translation>
    </message>
    <message>
        <source>현금영수증 표시로 설명되는 미해결 출금 %1건, 합계 %2 (대상 아닌데 현금영수증 단계를 거친 주문 %3건)</source>
        <translation>%1 orphan debits explained by the cash-receipt flag, %2 in all (%3 ineligible orders went through the cash-receipt step)</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::LockOverlay</name>
    <message>
        <source>잠금 풀기</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>화면이 잠겼습니다</source>
        <translation>The screen is locked</translation>
    </message>
    <message>
        <source>로그아웃</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>%1의 암호를 넣으면 보던 화면으로 돌아갑니다.</source>
        <translation>Enter the password of %1 to return to where you were.</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::MainMenu</name>
    <message>
        <source>파일(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>미러 열기(&amp;O)…</source>
        <translation>&amp;Open mirror…</translation>
    </message>
    <message>
        <source>데모 미러 만들기(&amp;D)…</source>
        <translation>Build &amp;demo mirror…</translation>
    </message>
    <message>
        <source>피드 가져오기(&amp;I)…</source>
        <translation>&amp;Import feed…</translation>
    </message>
    <message>
        <source>최근 미러(&amp;R)</source>
        <translation>&amp;Recent mirrors</translation>
    </message>
    <message>
        <source>끝내기(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>보기(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>설정(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>언어 (다시 시작하면 적용)</source>
        <translation>Language (after a restart)</translation>
    </message>
    <message>
        <source>도움말(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Reconsole 정보</source>
        <translation>About Reconsole</translation>
    </message>
    <message>
        <source>고객 찾기(&amp;C)</source>
        <translation>Find &amp;customer</translation>
    </message>
    <message>
        <source>다시 읽기(&amp;R)</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>단축키 목록(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>CSV로 내보내기(&amp;E)…</source>
        <translation>&amp;Export to CSV…</translation>
    </message>
    <message>
        <source>화면 잠그기(&amp;L)</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <source>로그아웃(&amp;G)</source>
        <translation>Si&amp;gn out</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::MainWindow</name>
    <message>
        <source>언어 설정을 저장했습니다. 다시 시작하면 적용됩니다.</source>
        <translation>Language saved. It applies after a restart.</translation>
    </message>
    <message>
        <source>Reconsole 정보</source>
        <translation>About Reconsole</translation>
    </message>
    <message>
        <source>Reconsole %1
결제 실패로 생긴 미해결 출금을 찾고 설명하는 상담·운영 콘솔.</source>
        <translation>Reconsole %1
A console for support agents and ops staff to find and explain orphan debits left by failed payments.</translation>
    </message>
    <message>
        <source>미러를 여는 중…
%1</source>
        <translation>Opening the mirror…
%1</translation>
    </message>
    <message>
        <source>미러 여는 중</source>
        <translation>Opening mirror</translation>
    </message>
    <message>
        <source>미러를 열지 못했습니다.
%1</source>
        <translation>Could not open the mirror.
%1</translation>
    </message>
    <message>
        <source>피드 가져오는 중</source>
        <translation>Importing feed</translation>
    </message>
    <message>
        <source>피드 가져오기</source>
        <translation>Import feed</translation>
    </message>
    <message>
        <source>데모 미러 만드는 중</source>
        <translation>Building demo mirror</translation>
    </message>
    <message>
        <source>데모 미러를 만드는 중…</source>
        <translation>Building the demo mirror…</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>데모 미러</source>
        <translation>Demo mirror</translation>
    </message>
    <message>
        <source>미러 열기</source>
        <translation>Open mirror</translation>
    </message>
    <message>
        <source>Reconsole 미러 (*.db *.sqlite *.sqlite3);;모든 파일 (*)</source>
        <translation>Reconsole mirrors (*.db *.sqlite *.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>피드 파일 (*.jsonl *.json);;모든 파일 (*)</source>
        <translation>Feed files (*.jsonl *.json);;All files (*)</translation>
    </message>
    <message>
        <source>데모 미러 만들기</source>
        <translation>Build a demo mirror</translation>
    </message>
    <message>
        <source>Reconsole 미러 (*.db)</source>
        <translation>Reconsole mirror (*.db)</translation>
    </message>
    <message>
        <source>이미 있는 파일에는 데모를 만들 수 없습니다: %1</source>
        <translation>Cannot build a demo into an existing file: %1</translation>
    </message>
    <message>
        <source>지난번 미러를 찾을 수 없습니다: %1</source>
        <translation>The last mirror is gone: %1</translation>
    </message>
    <message>
        <source>미러를 열지 못했습니다: %1</source>
        <translation>Could not open the mirror: %1</translation>
    </message>
    <message>
        <source>조치는 이 운영자의 이름으로 기록됩니다.</source>
        <translation>Actions are recorded under this operator&apos;s name.</translation>
    </message>
    <message>
        <source>단축키 목록</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>카탈로그 규칙 설정을 읽지 못해 기본값으로 점검합니다: %1</source>
        <translation>The catalog rules&apos; settings could not be read; checking with the defaults: %1</translation>
    </message>
    <message>
        <source>카탈로그 규칙 설정을 읽지 못해 다시 점검하지 않았습니다: %1</source>
        <translation>The catalog rules&apos; settings could not be read; not checked again: %1</translation>
    </message>
    <message>
        <source>다른 작업이 끝난 뒤 카탈로그를 다시 점검합니다.</source>
        <translation>The catalog is checked again once the running task ends.</translation>
    </message>
    <message>
        <source>카탈로그 다시 점검</source>
        <translation>Checking the catalog again</translation>
    </message>
    <message>
        <source>이 화면에는 CSV로 내보낼 목록이 없습니다. 미해결 출금이나 고객 화면에서 쓰세요.</source>
        <translation>This screen has no list to export. Use it on the orphan debits or a customer.</translation>
    </message>
    <message>
        <source>%1 파트너 보기 — %2</source>
        <translation>%1 partner view — %2</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::MirrorScreens</name>
    <message>
        <source>고객</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>고객 찾기와 고객별 거래 흐름 화면이 이 빌드에 들어 있지 않습니다.</source>
        <translation>This build has no customer search and timeline screen.</translation>
    </message>
    <message>
        <source>운영 저장소를 쓰거나 읽지 못했습니다: %1</source>
        <translation>Could not read or write the operations store: %1</translation>
    </message>
    <message>
        <source>내보낸 기록을 감사 로그에 남기지 못했습니다: %1</source>
        <translation>Could not record the export in the audit log: %1</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::NavigationPanel</name>
    <message>
        <source>대시보드</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>미해결 출금</source>
        <translation>Orphan debits</translation>
    </message>
    <message>
        <source>고객</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>상품 카탈로그</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <source>환불</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>감사 로그</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>내 승인을 기다리는 환불 요청 %Ln건</source>
        <translation>
            <numerusform>%Ln refund request awaiting my approval</numerusform>
            <numerusform>%Ln refund requests awaiting my approval</numerusform>
        </translation>
    </message>
    <message>
        <source>민원 사건</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>기한 지난 사건 %1건, 3일 안에 기한인 사건 %2건</source>
        <translation>%1 cases overdue, %2 due within 3 days</translation>
    </message>
    <message>
        <source>격리된 줄</source>
        <translation>Quarantine</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::OpenCaseDialog</name>
    <message>
        <source>사건 열기</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>선택한 출금 연결</source>
        <translation>Link the checked debits</translation>
    </message>
    <message>
        <source>민원 사건 열기</source>
        <translation>Open a complaint case</translation>
    </message>
    <message>
        <source>서울 시각, 예: 2026-03-11 15:00. 기한은 이 날의 다음 날부터 셉니다.</source>
        <translation>Seoul time, e.g. 2026-03-11 15:00. The period counts from the next day.</translation>
    </message>
    <message>
        <source>예: 50,000 (모르면 비워 둡니다)</source>
        <translation>e.g. 50,000 (leave empty if not named)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (모르면 비워 둡니다)</source>
        <translation>YYYY-MM-DD (leave empty if not named)</translation>
    </message>
    <message>
        <source>고객이 한 말 그대로</source>
        <translation>What the customer said, in their words</translation>
    </message>
    <message>
        <source>고객 ID</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <source>접수 시각 (서울)</source>
        <translation>Received at (Seoul)</translation>
    </message>
    <message>
        <source>접수 경로</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>고객이 말한 금액</source>
        <translation>Amount named</translation>
    </message>
    <message>
        <source>고객이 말한 날짜</source>
        <translation>Date named</translation>
    </message>
    <message>
        <source>고객의 말</source>
        <translation>Their words</translation>
    </message>
    <message>
        <source>연결하지 않고 닫기</source>
        <translation>Close without linking</translation>
    </message>
    <message>
        <source>고객 ID와 접수 시각(예: 2026-03-11 15:00)을 적어 주세요.</source>
        <translation>Enter the customer ID and when it was received (e.g. 2026-03-11 15:00).</translation>
    </message>
    <message>
        <source>금액은 원 단위 숫자로 적어 주세요 (예: 50,000).</source>
        <translation>Enter the amount in won (e.g. 50,000).</translation>
    </message>
    <message>
        <source>날짜는 2026-03-11처럼 적어 주세요.</source>
        <translation>Enter the date as 2026-03-11.</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다: %1</source>
        <translation>Could not write to the operations store: %1</translation>
    </message>
    <message>
        <source>사건 %1을 열었습니다. 고객의 출금을 찾는 중…</source>
        <translation>Case %1 opened. Looking for the customer&apos;s debits…</translation>
    </message>
    <message>
        <source>출금을 읽지 못했습니다: %1</source>
        <translation>Could not read the debits: %1</translation>
    </message>
    <message>
        <source>미해결</source>
        <translation>orphan</translation>
    </message>
    <message>
        <source>금액 일치</source>
        <translation>amount matches</translation>
    </message>
    <message>
        <source>날짜 일치</source>
        <translation>date matches</translation>
    </message>
    <message>
        <source>사건 %1에 있음</source>
        <translation>in case %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3  %4</source>
        <translation>%1 · %2 · %3  %4</translation>
    </message>
    <message>
        <source>사건 %1을 열었습니다. 이 고객의 출금이 없습니다.</source>
        <translation>Case %1 opened. This customer has no debits.</translation>
    </message>
    <message>
        <source>사건 %1을 열었습니다. 이 민원에 해당하는 출금을 골라 연결하세요 (다른 사건에 있던 출금은 이 사건으로 옮겨집니다).</source>
        <translation>Case %1 opened. Check the debits this complaint is about and link them (a debit held by another case moves here).</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::OpsLinkBanner</name>
    <message>
        <source>지금 다시 연결</source>
        <translation>Reconnect now</translation>
    </message>
    <message>
        <source>운영 서버에 다시 연결했습니다. 모든 화면을 다시 읽었습니다.</source>
        <translation>Reconnected to the operations server. Every screen was read again.</translation>
    </message>
    <message>
        <source>대시보드, 미해결 출금, 고객 화면은 미러로 그대로 쓸 수 있습니다. 환불 조치는 연결될 때까지 받지 않으며, 모아 두었다가 나중에 보내지도 않습니다.</source>
        <translation>Dashboard, orphan debits and customers keep working on the mirror. Refund actions are not taken until the server is back, and never kept to be sent later.</translation>
    </message>
    <message>
        <source>대시보드, 미해결 출금, 고객 화면은 미러로 그대로 쓸 수 있습니다.</source>
        <translation>Dashboard, orphan debits and customers keep working on the mirror.</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::OrphanDetailPane</name>
    <message>
        <source>고객 열기</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>설명 복사</source>
        <translation>Copy explanation</translation>
    </message>
    <message>
        <source>이 고객의 거래 흐름을 고객 화면에서 엽니다.</source>
        <translation>Opens this customer&apos;s timeline on the Customers screen.</translation>
    </message>
    <message>
        <source>설명을 읽지 못했습니다: %1</source>
        <translation>Could not read the explanation: %1</translation>
    </message>
    <message>
        <source>미해결 출금을 고르면 설명이 여기에 나옵니다.</source>
        <translation>Pick an orphan debit to see its explanation here.</translation>
    </message>
    <message>
        <source>%1 설명을 읽는 중…</source>
        <translation>Reading the explanation of %1…</translation>
    </message>
    <message>
        <source>%1 — 고객 %2</source>
        <translation>%1 — customer %2</translation>
    </message>
    <message>
        <source>환불 요청…</source>
        <translation>Request refund…</translation>
    </message>
    <message>
        <source>이 출금을 고객에게 돌려주는 환불 요청을 만듭니다 (금액과 사유를 확인한 뒤 요청).</source>
        <translation>Makes a request to give this debit back to the customer (the amount and reason are confirmed first).</translation>
    </message>
    <message>
        <source>고객 답변 복사</source>
        <translation>Copy reply</translation>
    </message>
    <message>
        <source>왼쪽의 설명(근거와 추정 원인)을 동료에게 넘길 수 있게 클립보드에 복사합니다.</source>
        <translation>Copies the explanation on the left (evidence and likely cause) for a colleague.</translation>
    </message>
    <message>
        <source>오른쪽의 고객 답변을 클립보드에 복사합니다. 답변은 언제나 한국어이고, 환불은 요청된 경우에만 약속합니다.</source>
        <translation>Copies the customer reply on the right. The reply is always in Korean and promises a refund only when one has been requested.</translation>
    </message>
    <message>
        <source>고객 답변 (한국어)</source>
        <translation>Reply to the customer (Korean)</translation>
    </message>
    <message>
        <source>%1: 지금은 미해결 출금이 아닙니다. 최근 가져오기로 정산되었을 수 있습니다.</source>
        <translation>%1 is not an orphan debit now. A recent import may have settled it.</translation>
    </message>
    <message>
        <source>%1 설명을 복사했습니다. 동료에게 붙여 넣으세요.</source>
        <translation>Copied the explanation of %1: paste it for a colleague.</translation>
    </message>
    <message>
        <source>%1 고객 답변을 복사했습니다.</source>
        <translation>Copied the customer reply for %1.</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::OrphanFilterBar</name>
    <message>
        <source>하한 없음</source>
        <translation>no minimum</translation>
    </message>
    <message>
        <source>상한 없음</source>
        <translation>no maximum</translation>
    </message>
    <message>
        <source>모든 유형</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>모든 경과 시간</source>
        <translation>Any age</translation>
    </message>
    <message>
        <source>1시간 이상</source>
        <translation>1 hour or older</translation>
    </message>
    <message>
        <source>1일 이상</source>
        <translation>1 day or older</translation>
    </message>
    <message>
        <source>3일 이상</source>
        <translation>3 days or older</translation>
    </message>
    <message>
        <source>7일 이상</source>
        <translation>7 days or older</translation>
    </message>
    <message>
        <source>30일 이상</source>
        <translation>30 days or older</translation>
    </message>
    <message>
        <source>원장·고객·주문·결제 번호, 고객 이름, 가맹점, 상품</source>
        <translation>Ledger, customer, order or payment id; customer name; merchant; product</translation>
    </message>
    <message>
        <source>대시보드에서 고른 날짜입니다. 누르면 날짜 조건을 지웁니다.</source>
        <translation>The day picked on the dashboard. Click to drop it.</translation>
    </message>
    <message>
        <source>필터 초기화</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>금액</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <source>처음부터</source>
        <translation>From the start</translation>
    </message>
    <message>
        <source>끝까지</source>
        <translation>To the end</translation>
    </message>
    <message>
        <source>이 날(서울 시각)부터 출금된 것만 봅니다.</source>
        <translation>Only debits from this day on (Seoul time).</translation>
    </message>
    <message>
        <source>이 날(서울 시각)까지 출금된 것만 봅니다. 그날 하루 전체가 들어갑니다.</source>
        <translation>Only debits up to this day (Seoul time), the whole day included.</translation>
    </message>
    <message>
        <source>출금일</source>
        <translation>Debited</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::OrphanQueueScreen</name>
    <message>
        <source>불러오는 중…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>미해결 출금 목록을 읽지 못했습니다: %1</source>
        <translation>Could not read the orphan queue: %1</translation>
    </message>
    <message>
        <source>미해결 합계 %1</source>
        <translation>Orphan total %1</translation>
    </message>
    <message>
        <source>기준 시각 %1 · 유예 30분</source>
        <translation>As of %1 · 30-minute grace</translation>
    </message>
    <message>
        <source>원장 기록이 없습니다</source>
        <translation>no ledger records</translation>
    </message>
    <message>
        <source> · 대량 가져오기 후 다시 계산 중이라 목록이 늦을 수 있습니다</source>
        <translation> · being recomputed after a bulk import; the list may lag</translation>
    </message>
    <message>
        <source> · 필터 적용 중</source>
        <translation> · filtered</translation>
    </message>
    <message>
        <source>추정 원인은 행마다 근거에서 계산되므로 이 열로는 정렬할 수 없습니다.</source>
        <translation>The likely cause is worked out per row from the evidence, so the queue cannot be sorted by it.</translation>
    </message>
    <message>
        <source>조치 필요 %1건 · 환불 진행 중 %2건</source>
        <translation>%1 need action · %2 refunds under way</translation>
    </message>
    <message>
        <source>환불 진행 중 %1건 (필터와 관계없이 전체)</source>
        <translation>%1 refunds under way (whole queue, whatever the filter)</translation>
    </message>
    <message>
        <source>환불 요청…</source>
        <translation>Request refund…</translation>
    </message>
    <message>
        <source>고객 열기</source>
        <translation>Open customer</translation>
    </message>
    <message numerus="yes">
        <source>%Ln건</source>
        <translation>
            <numerusform>%Ln orphan</numerusform>
            <numerusform>%Ln orphans</numerusform>
        </translation>
    </message>
    <message>
        <source>원장 번호 복사 (%1)</source>
        <translation>Copy ledger id (%1)</translation>
    </message>
    <message>
        <source>행 복사</source>
        <translation>Copy row</translation>
    </message>
    <message>
        <source>민원 사건 열기…</source>
        <translation>Open a complaint case…</translation>
    </message>
    <message>
        <source>CSV로 내보내기…</source>
        <translation>Export to CSV…</translation>
    </message>
    <message>
        <source>지금 필터와 정렬 그대로 목록 전체를 CSV 파일(UTF-8)로 저장합니다.</source>
        <translation>Saves the whole list, with the current filter and sort, as a CSV file (UTF-8).</translation>
    </message>
    <message>
        <source>미해결출금.csv</source>
        <translation>orphan-debits.csv</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::ProposeFixDialog</name>
    <message>
        <source>현금영수증 발급 대상</source>
        <translation>eligible for cash receipts</translation>
    </message>
    <message>
        <source>수정 요청 보내기</source>
        <translation>Request the fix</translation>
    </message>
    <message>
        <source>카탈로그 수정 제안 — %1</source>
        <translation>Propose a catalog fix — %1</translation>
    </message>
    <message>
        <source>%1 정보를 읽는 중…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>운영 저장소를 읽지 못했습니다: %1</source>
        <translation>Could not read the operations store: %1</translation>
    </message>
    <message>
        <source>선택: 기록에 남길 메모</source>
        <translation>Optional: a note for the record</translation>
    </message>
    <message>
        <source>지금 값</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>판매가 (원)</source>
        <translation>Price (won)</translation>
    </message>
    <message>
        <source>정가 (원)</source>
        <translation>List price (won)</translation>
    </message>
    <message>
        <source>할인</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>현금영수증</source>
        <translation>Cash receipt</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>%1 (%2) · 보고 있는 버전 %3</source>
        <translation>%1 (%2) · version seen %3</translation>
    </message>
    <message>
        <source>판매가 %1 · 정가 %2 · 할인 %3 · 현금영수증 %4 · 단가 %5</source>
        <translation>price %1 · list %2 · discount %3 · cash receipt %4 · unit price %5</translation>
    </message>
    <message>
        <source>대상</source>
        <translation>eligible</translation>
    </message>
    <message>
        <source>대상 아님</source>
        <translation>not eligible</translation>
    </message>
    <message>
        <source>이 상품에는 이미 진행 중인 수정 %1이(가) 있습니다 (%2). 끝나거나 취소된 뒤에 새로 제안하세요.</source>
        <translation>Fix %1 for this product is already under way (%2). Propose another once it is done or cancelled.</translation>
    </message>
    <message>
        <source>이 운영자의 역할로는 카탈로그 수정을 제안할 수 없습니다 (운영 또는 관리자).</source>
        <translation>This operator&apos;s roles may not propose catalog fixes (ops or admin may).</translation>
    </message>
    <message>
        <source>판매가와 정가를 원 단위 숫자로 넣으세요.</source>
        <translation>Type the price and list price in whole won.</translation>
    </message>
    <message>
        <source>지금 값과 다른 값을 하나 이상 넣으세요.</source>
        <translation>Change at least one value.</translation>
    </message>
    <message>
        <source>고친 뒤 단가 %1 (지금 %2)</source>
        <translation>Unit price after the fix %1 (now %2)</translation>
    </message>
    <message>
        <source>요청하는 중…</source>
        <translation>Filing…</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다. 수정 요청은 만들어지지 않았을 수 있습니다. 같은 창에서 다시 시도해도 두 번 요청되지 않습니다: %1</source>
        <translation>Could not write to the operations store. The fix may not have been filed. Trying again from this window never files it twice: %1</translation>
    </message>
    <message>
        <source>이 창을 연 뒤에 상품이 바뀌었습니다 (보고 있던 버전 %1). 창을 닫고 상품을 다시 확인한 뒤 제안하세요.
(%2)</source>
        <translation>The product changed after this window opened (you saw version %1). Close it, look at the product again, then propose.
(%2)</translation>
    </message>
    <message>
        <source>수정을 요청했습니다: %1 — %2. 다른 운영 담당자의 승인을 기다립니다.</source>
        <translation>Fix filed: %1 — %2. Waiting for another ops operator&apos;s approval.</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::QuarantineScreen</name>
    <message>
        <source>사유, 줄 내용, 파일 이름에서 찾기</source>
        <translation>Find in the reason, the line or the file name</translation>
    </message>
    <message>
        <source>가져오기에서 받아들이지 않은 줄입니다. 원본 피드에서 고쳐 다시 보내면 다음 가져오기에서 반영됩니다. 여기서는 고치지 않습니다.</source>
        <translation>Lines an import did not accept. Fix them in the source feed and send them again: the next import applies them. Nothing is edited here.</translation>
    </message>
    <message>
        <source>격리된 줄을 읽지 못했습니다: %1</source>
        <translation>Could not read the quarantined lines: %1</translation>
    </message>
    <message>
        <source>격리된 줄이 없습니다.</source>
        <translation>No quarantined lines.</translation>
    </message>
    <message>
        <source>찾는 내용이 든 격리된 줄이 없습니다.</source>
        <translation>No quarantined line contains that.</translation>
    </message>
    <message>
        <source>격리된 줄 %1개</source>
        <translation>%1 quarantined line(s)</translation>
    </message>
    <message>
        <source>%1, %2번째 줄 (가져오기 %3)
사유: %4

%5</source>
        <translation>%1, line %2 (import %3)
Reason: %4

%5</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::RefundDialog</name>
    <message>
        <source>최대</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>환불 요청</source>
        <translation>Request refund</translation>
    </message>
    <message>
        <source>환불 요청 — %1</source>
        <translation>Refund request — %1</translation>
    </message>
    <message>
        <source>%1 환불 정보를 읽는 중…</source>
        <translation>Reading the refund facts of %1…</translation>
    </message>
    <message>
        <source>운영 저장소를 읽지 못했습니다: %1</source>
        <translation>Could not read the operations store: %1</translation>
    </message>
    <message>
        <source>환불 가능한 최대 금액을 넣습니다.</source>
        <translation>Fills in the most that may be refunded.</translation>
    </message>
    <message>
        <source>선택: 기록에 남길 메모</source>
        <translation>Optional: a note for the record</translation>
    </message>
    <message>
        <source>원</source>
        <translation>won</translation>
    </message>
    <message>
        <source>출금</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>미해결 금액</source>
        <translation>Orphan amount</translation>
    </message>
    <message>
        <source>줄어드는 금액</source>
        <translation>Already taken off</translation>
    </message>
    <message>
        <source>최대 환불 가능</source>
        <translation>Refundable at most</translation>
    </message>
    <message>
        <source>이 출금의 요청</source>
        <translation>Requests on this debit</translation>
    </message>
    <message>
        <source>환불 금액</source>
        <translation>Refund amount</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>승인</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>%1 환불 요청 — 고객 %2</source>
        <translation>Refund of %1 — customer %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>미해결 출금이 아닙니다</source>
        <translation>Not an orphan debit</translation>
    </message>
    <message>
        <source>없음</source>
        <translation>none</translation>
    </message>
    <message>
        <source>이미 요청됨 %1</source>
        <translation>already requested %1</translation>
    </message>
    <message>
        <source>플랫폼이 돌려준 금액 %1</source>
        <translation>returned by the platform %1</translation>
    </message>
    <message>
        <source>알 수 없는 요청의 입금 %1</source>
        <translation>credits of unknown requests %1</translation>
    </message>
    <message>
        <source>%1 %2 (%3, %4)</source>
        <translation>%1 %2 (%3, %4)</translation>
    </message>
    <message>
        <source>이 출금에는 더 환불할 금액이 남아 있지 않습니다.</source>
        <translation>Nothing is left to refund on this debit.</translation>
    </message>
    <message>
        <source>환불 금액을 원 단위 숫자로 넣으세요 (1원 이상).</source>
        <translation>Enter the refund as a whole number of won (at least 1).</translation>
    </message>
    <message>
        <source>환불 금액이 최대 환불 가능 금액 %1을 넘습니다.</source>
        <translation>The refund is above the most that may be refunded, %1.</translation>
    </message>
    <message>
        <source>%1을 고객 %2의 %3 계좌로 돌려줍니다.</source>
        <translation>Gives %1 back to customer %2&apos;s account %3.</translation>
    </message>
    <message>
        <source>필요 없음: 요청하면 바로 승인되어 다음 내보내기 때 플랫폼에 전달됩니다.</source>
        <translation>Not needed: the request is approved at once and goes to the platform with the next export.</translation>
    </message>
    <message>
        <source>요청하는 중…</source>
        <translation>Requesting…</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다. 요청은 만들어지지 않았을 수 있습니다. 같은 창에서 다시 시도해도 두 번 요청되지 않습니다: %1</source>
        <translation>Could not write to the operations store; the request may not have been made. Trying again from this window never makes it twice: %1</translation>
    </message>
    <message>
        <source>요청했습니다: %1 — %2 %3</source>
        <translation>Requested: %1 — %2 %3</translation>
    </message>
    <message>
        <source>%1 — 운영 서버에 연결되면 환불을 요청할 수 있습니다</source>
        <translation>%1 — a refund can be requested once the operations server is reachable</translation>
    </message>
    <message>
        <source>환불할 수 없는 출금입니다: %1</source>
        <translation>This debit cannot be refunded: %1</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::RefundsScreen</name>
    <message>
        <source>내 승인 대기</source>
        <translation>Awaiting my approval</translation>
    </message>
    <message>
        <source>기한 지난 것만</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>승인</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>반려</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>요청 취소</source>
        <translation>Cancel request</translation>
    </message>
    <message>
        <source>실패 기록</source>
        <translation>Record failure</translation>
    </message>
    <message>
        <source>지금 내보내기</source>
        <translation>Export now</translation>
    </message>
    <message>
        <source>모든 상태</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>요청·원장·고객·운영자 ID</source>
        <translation>Request, ledger, customer or operator ID</translation>
    </message>
    <message>
        <source>내가 승인할 수 있는, 다른 사람이 요청한 승인 대기 건만 봅니다.</source>
        <translation>Only requests by others that wait for an approval I may give.</translation>
    </message>
    <message>
        <source>새로 고침</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <source>반려·취소·실패 사유 (실패 기록에는 필수)</source>
        <translation>Why rejected, cancelled or failed (required for a failure)</translation>
    </message>
    <message>
        <source>다른 사람이 요청한 환불을 승인합니다. 승인된 요청은 다음 내보내기 때 플랫폼에 전달됩니다.</source>
        <translation>Approves a refund requested by someone else. Approved requests go to the platform with the next export.</translation>
    </message>
    <message>
        <source>플랫폼이 전달된 요청을 처리하지 못했다고 기록합니다. 잡혀 있던 금액이 풀립니다.</source>
        <translation>Records that the platform failed a sent request. Its reserved amount is released.</translation>
    </message>
    <message>
        <source>폴더 바꾸기…</source>
        <translation>Change folder…</translation>
    </message>
    <message>
        <source>플랫폼에 넘기기:</source>
        <translation>Hand-over:</translation>
    </message>
    <message>
        <source>아웃박스 폴더</source>
        <translation>Outbox folder</translation>
    </message>
    <message>
        <source>아웃박스 폴더가 정해지지 않았습니다 (내보낼 때 고릅니다)</source>
        <translation>No outbox folder set (chosen at export)</translation>
    </message>
    <message>
        <source>아웃박스 폴더 %1</source>
        <translation>Outbox folder %1</translation>
    </message>
    <message>
        <source>두 번 누르면 이 고객의 거래 흐름을 엽니다.</source>
        <translation>Double-click to open this customer&apos;s timeline.</translation>
    </message>
    <message>
        <source>요청을 고르면 할 수 있는 조치가 켜집니다.</source>
        <translation>Select a request to see what you may do with it.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>합계를 읽는 중…</source>
        <translation>Reading the totals…</translation>
    </message>
    <message>
        <source>실패 기록에는 사유가 필요합니다: 플랫폼이 알려준 실패 이유를 메모 칸에 적으세요.</source>
        <translation>A failure needs a reason: write what the platform said in the note field.</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다: %1</source>
        <translation>Could not write to the operations store: %1</translation>
    </message>
    <message>
        <source>승인했습니다</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>반려했습니다</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>취소했습니다</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>실패를 기록했습니다</source>
        <translation>Failure recorded</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>내보내지 못했습니다: %1</source>
        <translation>Could not export: %1</translation>
    </message>
    <message>
        <source>넘길 승인된 요청이 없습니다. 파일을 쓰지 않았습니다.</source>
        <translation>No approved request is waiting. No file was written.</translation>
    </message>
    <message>
        <source>승인된 요청을 파일 하나로 써서 플랫폼에 넘깁니다.</source>
        <translation>Writes the approved requests to one file for the platform.</translation>
    </message>
    <message numerus="yes">
        <source>요청 %Ln건을 플랫폼에 넘겼습니다: %1</source>
        <translation>
            <numerusform>Handed %Ln request to the platform: %1</numerusform>
            <numerusform>Handed %Ln requests to the platform: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reconsole::ui::RepairBatchDialog</name>
    <message>
        <source>요청</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>주문</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>원장</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>고객</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>금액</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <source>요청자</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>묶음 모두 승인</source>
        <translation>Approve the whole batch</translation>
    </message>
    <message>
        <source>선택한 요청 승인</source>
        <translation>Approve selected request</translation>
    </message>
    <message>
        <source>환불 묶음 검토 — %1</source>
        <translation>Refund batch — %1</translation>
    </message>
    <message>
        <source>%1을(를) 읽는 중…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>운영 저장소를 읽지 못했습니다: %1</source>
        <translation>Could not read the operations store: %1</translation>
    </message>
    <message>
        <source>%1 · 상품 %2 · %3이(가) %4에 만듦 · 요청 %5건 합계 %6 · 승인 대기 %7건</source>
        <translation>%1 · product %2 · drafted by %3 at %4 · %5 requests, %6 in all · %7 awaiting approval</translation>
    </message>
    <message>
        <source>자신이 만든 묶음은 승인할 수 없습니다. 다른 운영 담당자가 승인해야 합니다.</source>
        <translation>Nobody approves a batch they drafted: another ops operator must.</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다: %1</source>
        <translation>Could not write to the operations store: %1</translation>
    </message>
    <message>
        <source>환불 요청 %1건을 승인했습니다. 다음 내보내기 때 플랫폼에 전달됩니다.</source>
        <translation>Approved %1 refund requests. They go to the platform with the next export.</translation>
    </message>
    <message>
        <source>%1을(를) 승인했습니다.</source>
        <translation>Approved %1.</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::RepairDialog</name>
    <message>
        <source>주문</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>고객</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>더 낸 금액</source>
        <translation>Overcharged</translation>
    </message>
    <message>
        <source>이미 요청됨</source>
        <translation>Already held</translation>
    </message>
    <message>
        <source>초안 금액</source>
        <translation>Drafted</translation>
    </message>
    <message>
        <source>요청</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>비고</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>환불 초안 만들기</source>
        <translation>Draft refunds</translation>
    </message>
    <message>
        <source>묶음 검토…</source>
        <translation>Review batch…</translation>
    </message>
    <message>
        <source>가격 오류 환불 초안 — %1</source>
        <translation>Price-error refunds — %1</translation>
    </message>
    <message>
        <source>더 낸 주문마다 낸 금액 − 냈어야 할 금액을 사유 PRICE_ERROR로 돌려주는 환불 요청을 만듭니다. 이미 같은 주문에 PRICE_ERROR 요청이 있으면 그만큼 빼고, 모두 다른 운영 담당자의 승인을 기다립니다. 덜 낸 금액은 고객에게서 받지 않습니다.</source>
        <translation>Drafts, for every overcharged order, a refund of paid − should have paid with reason PRICE_ERROR, less what PRICE_ERROR requests of that order already hold; each waits for another ops operator&apos;s approval. Undercharges are never taken back from customers.</translation>
    </message>
    <message>
        <source>미리 보기를 읽는 중…</source>
        <translation>Reading the preview…</translation>
    </message>
    <message>
        <source>운영 저장소를 읽지 못했습니다: %1</source>
        <translation>Could not read the operations store: %1</translation>
    </message>
    <message>
        <source>새로 초안할 환불이 없습니다: 더 낸 금액은 모두 이미 요청되어 있습니다.</source>
        <translation>Nothing new to draft: every overcharge is already requested.</translation>
    </message>
    <message>
        <source>더 낸 주문 %1건: 더 낸 금액 %2 · 이미 요청됨 %3 · 이번에 초안한 금액 %4 (요청 %5건)</source>
        <translation>%1 overcharged orders: overcharged %2 · already held %3 · drafted now %4 (%5 requests)</translation>
    </message>
    <message>
        <source>더 낸 주문 %1건: 더 낸 금액 %2 · 이미 요청됨 %3 · 초안할 금액 %4</source>
        <translation>%1 overcharged orders: overcharged %2 · already held %3 · to draft %4</translation>
    </message>
    <message>
        <source>초안을 만드는 중…</source>
        <translation>Drafting…</translation>
    </message>
    <message>
        <source>운영 저장소에 쓰지 못했습니다. 같은 창에서 다시 시도해도 두 번 만들어지지 않습니다: %1</source>
        <translation>Could not write to the operations store. Trying again from this window never drafts twice: %1</translation>
    </message>
    <message>
        <source>새로 만든 환불이 없습니다: 이 주문들의 더 낸 금액은 이미 PRICE_ERROR 요청이 잡고 있습니다.</source>
        <translation>No new refund drafted: PRICE_ERROR requests already hold these orders&apos; overcharges.</translation>
    </message>
    <message>
        <source>환불 묶음 %1을 만들었습니다: 요청 %2건 %3, 다른 운영 담당자의 승인을 기다립니다.</source>
        <translation>Drafted refund batch %1: %2 requests, %3, waiting for another ops operator&apos;s approval.</translation>
    </message>
    <message>
        <source>이미 가격 오류 환불 요청이 있음</source>
        <translation>A price-error refund is already requested</translation>
    </message>
    <message>
        <source>미러에 승인된 결제 출금이 없음</source>
        <translation>No approved payment debit in the mirror</translation>
    </message>
    <message>
        <source>출금에 남은 환불 가능 금액이 %1뿐</source>
        <translation>Only %1 left refundable on its debits</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::SignInDialog</name>
    <message>
        <source>로그인</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>운영 저장소에 운영자가 있습니다. 로그인해야 조치를 할 수 있습니다.</source>
        <translation>The operations store has operators. Sign in to take actions.</translation>
    </message>
    <message>
        <source>운영자 ID</source>
        <translation>Operator ID</translation>
    </message>
    <message>
        <source>암호</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>관리자가 정한 암호입니다. 다른 일을 하기 전에 자신의 암호를 정하세요 (12자 이상).</source>
        <translation>Your password was set by an admin. Set your own before anything else (12 characters or more).</translation>
    </message>
    <message>
        <source>새 암호</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>새 암호 확인</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>두 번 넣은 새 암호가 다릅니다.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <source>암호는 12자 이상이어야 합니다.</source>
        <translation>A password is at least 12 characters.</translation>
    </message>
    <message>
        <source>운영자 ID를 넣으세요.</source>
        <translation>Enter an operator ID.</translation>
    </message>
    <message>
        <source>암호 바꾸기</source>
        <translation>Change password</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::StoreFaultAlerts</name>
    <message>
        <source>미러에 쓸 수 없습니다</source>
        <translation>Cannot write to the mirror</translation>
    </message>
    <message>
        <source>운영 저장소에 쓸 수 없습니다</source>
        <translation>Cannot write to the operations store</translation>
    </message>
    <message>
        <source>미러를 읽을 수 없습니다</source>
        <translation>Cannot read the mirror</translation>
    </message>
    <message>
        <source>운영 저장소를 읽을 수 없습니다</source>
        <translation>Cannot read the operations store</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::TaskProgressWidget</name>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>취소하는 중…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::TimelineFilterBar</name>
    <message>
        <source>모든 기록</source>
        <translation>All records</translation>
    </message>
    <message>
        <source>이 종류의 기록만 보여 줍니다. 차트는 필터와 관계없이 모든 입출금을 그립니다.</source>
        <translation>Shows only records of this kind. The chart draws every movement whatever the filter.</translation>
    </message>
    <message>
        <source>번호·상품·가맹점·상태로 찾기</source>
        <translation>Find by id, product, merchant, status</translation>
    </message>
    <message>
        <source>주문·결제·원장 번호, 상품이나 가맹점 이름, 상태, 금액의 일부를 입력합니다. 주문 번호나 상품을 입력하면 그 주문의 기록이 모두 나옵니다.</source>
        <translation>Type part of an order, payment or ledger id, a product or merchant name, a status or an amount. An order id or a product shows all of that order&apos;s records.</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::UnderchargeExportDialog</name>
    <message>
        <source>CSV로 저장…</source>
        <translation>Save as CSV…</translation>
    </message>
    <message>
        <source>미수금 CSV 내보내기</source>
        <translation>Export undercharges (CSV)</translation>
    </message>
    <message>
        <source>모든 가맹점</source>
        <translation>All merchants</translation>
    </message>
    <message>
        <source>카탈로그 오류로 덜 받은 주문을 가맹점별로 적습니다. 덜 받은 금액은 고객에게서 받지 않고, 가맹점의 기록을 위해 알립니다.</source>
        <translation>Lists, per merchant, the orders a catalog error charged too little. Undercharges are never taken back from customers; this is for the merchants&apos; records.</translation>
    </message>
    <message>
        <source>가맹점</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>미수금 CSV 저장</source>
        <translation>Save undercharges CSV</translation>
    </message>
    <message>
        <source>CSV 파일 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>쓰는 중…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>CSV를 쓰지 못했습니다: %1</source>
        <translation>Could not write the CSV: %1</translation>
    </message>
    <message>
        <source>덜 받은 주문 %1건, 합계 %2을(를) %3에 썼습니다.</source>
        <translation>Wrote %1 undercharged orders, %2 in all, to %3.</translation>
    </message>
</context>
<context>
    <name>reconsole::ui::WelcomePage</name>
    <message>
        <source>미러 열기…</source>
        <translation>Open a mirror…</translation>
    </message>
    <message>
        <source>데모 미러 만들기…</source>
        <translation>Build a demo mirror…</translation>
    </message>
    <message>
        <source>열린 미러가 없습니다.</source>
        <translation>No mirror is open.</translation>
    </message>
    <message>
        <source>자세히</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>데이터베이스가 알린 오류 그대로와, 명령줄이 쓰는 영어 안내입니다.</source>
        <translation>The error as the database reported it, and the advice the command line prints.</translation>
    </message>
</context>
</TS>
