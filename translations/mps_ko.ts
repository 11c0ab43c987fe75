<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ApiClient</name>
    <message>
        <source>The server presented a different certificate from the one this device trusts. Do not sign in; ask the print admin whether the server&apos;s certificate was replaced.</source>
        <translation>서버가 이 기기가 신뢰하는 인증서와 다른 인증서를 제시했습니다. 로그인하지 말고, 서버 인증서가 교체되었는지 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (%1). Compare its fingerprint with the one from your print admin and trust it, or ask the print admin for a trusted certificate.</source>
        <translation>서버 인증서를 신뢰할 수 없습니다(%1). 인증서 확인 코드를 인쇄 관리자가 알려 준 코드와 비교한 뒤 신뢰하거나, 인쇄 관리자에게 신뢰할 수 있는 인증서를 요청하세요.</translation>
    </message>
    <message>
        <source>No server address is set. Enter the print server&apos;s address.</source>
        <translation>서버 주소가 설정되지 않았습니다. 인쇄 서버 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>The server address is not valid. Use an address such as https://print.example.org:8631.</source>
        <translation>서버 주소가 올바르지 않습니다. https://print.example.org:8631 과 같은 형식으로 입력하세요.</translation>
    </message>
    <message>
        <source>The document cannot be read.</source>
        <translation>문서를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>This kind of document (%1) cannot be printed. Print a PDF, JPEG or PWG raster file.</source>
        <translation>이 형식의 문서(%1)는 인쇄할 수 없습니다. PDF, JPEG 또는 PWG 래스터 파일을 인쇄하세요.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read. Check that it exists and that you may open it.</source>
        <translation>%1 파일을 읽을 수 없습니다. 파일이 있는지, 열 수 있는 권한이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>The server did not present a certificate. Ask the print admin.</source>
        <translation>서버가 인증서를 제시하지 않았습니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The server cannot be found. Check the server address and the network connection.</source>
        <translation>서버를 찾을 수 없습니다. 서버 주소와 네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation>서버에 연결할 수 없습니다. 네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network connection and try again.</source>
        <translation>서버가 제때 응답하지 않았습니다. 네트워크 연결을 확인하고 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>ApiReply</name>
    <message>
        <source>The server sent an answer that is too large. Ask the print admin.</source>
        <translation>서버의 응답이 너무 큽니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>요청이 취소되었습니다.</translation>
    </message>
    <message>
        <source>The server sent an answer this app cannot read. Update the app or ask the print admin.</source>
        <translation>이 앱이 읽을 수 없는 응답을 서버가 보냈습니다. 앱을 업데이트하거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The server cannot be found. Check the server address and the network connection.</source>
        <translation>서버를 찾을 수 없습니다. 서버 주소와 네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network connection and try again.</source>
        <translation>서버가 제때 응답하지 않았습니다. 네트워크 연결을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be set up. Ask the print admin.</source>
        <translation>서버와 보안 연결을 맺을 수 없습니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The server address is not valid. Use an address such as https://print.example.org:8631.</source>
        <translation>서버 주소가 올바르지 않습니다. https://print.example.org:8631 과 같은 형식으로 입력하세요.</translation>
    </message>
    <message>
        <source>The server sent an answer this app cannot read. Check the server address.</source>
        <translation>이 앱이 읽을 수 없는 응답을 서버가 보냈습니다. 서버 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation>서버에 연결할 수 없습니다. 네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>The server did not accept the request. Update the app or ask the print admin.</source>
        <translation>서버가 요청을 받아들이지 않았습니다. 앱을 업데이트하거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>로그인이 만료되었습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>이 작업을 할 권한이 없습니다.</translation>
    </message>
    <message>
        <source>The server does not know this request. Check the server address.</source>
        <translation>서버가 이 요청을 알지 못합니다. 서버 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The document is too large for the server.</source>
        <translation>문서가 너무 커서 서버에 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>The server accepts only secure connections. Use an address that starts with https://.</source>
        <translation>서버는 보안 연결만 허용합니다. https:// 로 시작하는 주소를 사용하세요.</translation>
    </message>
    <message>
        <source>There were too many attempts. Wait a few minutes and try again.</source>
        <translation>시도 횟수가 너무 많습니다. 몇 분 뒤에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server is starting or busy. Try again in a moment.</source>
        <translation>서버가 시작 중이거나 바쁩니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server had a problem. Try again later or ask the print admin.</source>
        <translation>서버에 문제가 생겼습니다. 나중에 다시 시도하거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The server answered with an unexpected error (HTTP %1). Try again later.</source>
        <translation>서버가 예기치 않은 오류(HTTP %1)로 응답했습니다. 나중에 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>CaptureServer</name>
    <message>
        <source>The folder %1 for print capture cannot be created (%2).</source>
        <translation>인쇄 수신용 폴더(%1)를 만들 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The folder %1 for print capture is not private to you. Log out and in again; if this keeps happening, ask IT support.</source>
        <translation>인쇄 수신용 폴더(%1)가 본인 전용이 아닙니다. 로그아웃했다가 다시 로그인하세요. 계속 이러면 전산 담당자에게 문의하세요.</translation>
    </message>
    <message>
        <source>Another MPS app is already receiving print jobs for you.</source>
        <translation>다른 MPS 앱이 이미 인쇄 작업을 받고 있습니다.</translation>
    </message>
    <message>
        <source>Print capture cannot start (%1).</source>
        <translation>인쇄 수신을 시작할 수 없습니다(%1).</translation>
    </message>
</context>
<context>
    <name>ClientApplication</name>
    <message>
        <source>MPS Secure Print</source>
        <translation>MPS 보안 인쇄</translation>
    </message>
    <message>
        <source>Printing to MPS Secure Print is not available</source>
        <translation>&quot;MPS Secure Print&quot;로 인쇄할 수 없습니다</translation>
    </message>
    <message>
        <source>A printed document was not sent</source>
        <translation>인쇄한 문서를 보내지 못했습니다</translation>
    </message>
    <message>
        <source>Documents you printed are waiting. Sign in to send them to the print server.</source>
        <translation>인쇄한 문서가 대기 중입니다. 로그인하면 인쇄 서버로 보냅니다.</translation>
    </message>
    <message>
        <source>A printed document is waiting</source>
        <translation>인쇄한 문서가 대기 중입니다</translation>
    </message>
</context>
<context>
    <name>DeviceListModel</name>
    <message>
        <source>Printer</source>
        <translation>프린터</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>소모품</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>소진 예측</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>쪽수</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>마지막 응답</translation>
    </message>
    <message>
        <source>Only print admins see the printers&apos; state. Sign in as a print admin.</source>
        <translation>프린터 상태는 인쇄 관리자만 볼 수 있습니다. 인쇄 관리자 계정으로 로그인하세요.</translation>
    </message>
    <message>
        <source>This print server does not monitor printers yet. Ask the print admin to update it.</source>
        <translation>이 인쇄 서버는 아직 프린터를 감시하지 않습니다. 인쇄 관리자에게 서버 업데이트를 요청하세요.</translation>
    </message>
    <message>
        <source>The printers could not be loaded: %1</source>
        <translation>프린터 목록을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The print server&apos;s answer was not understood. Ask the print admin to update it.</source>
        <translation>인쇄 서버의 응답을 이해할 수 없습니다. 인쇄 관리자에게 서버 업데이트를 요청하세요.</translation>
    </message>
</context>
<context>
    <name>DeviceText</name>
    <message>
        <source>not answering</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>아직 확인 전</translation>
    </message>
    <message>
        <source>Not answering</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>인쇄 중</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>인쇄 불가</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>paper low</source>
        <translation>용지 부족</translation>
    </message>
    <message>
        <source>toner low</source>
        <translation>토너 부족</translation>
    </message>
    <message>
        <source>waste toner container full</source>
        <translation>폐토너통 가득 참</translation>
    </message>
    <message>
        <source>waste toner container almost full</source>
        <translation>폐토너통 거의 참</translation>
    </message>
    <message>
        <source>needs service</source>
        <translation>점검 필요</translation>
    </message>
    <message>
        <source>Toner</source>
        <translation>토너</translation>
    </message>
    <message>
        <source>Ink</source>
        <translation>잉크</translation>
    </message>
    <message>
        <source>Waste toner container</source>
        <translation>폐토너통</translation>
    </message>
    <message>
        <source>Drum</source>
        <translation>드럼</translation>
    </message>
    <message>
        <source>Fuser</source>
        <translation>정착기</translation>
    </message>
    <message>
        <source>Staples</source>
        <translation>스테이플</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>소모품</translation>
    </message>
    <message>
        <source>some left</source>
        <translation>조금 남음</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>runs out today</source>
        <translation>오늘 소진 예상</translation>
    </message>
    <message numerus="yes">
        <source>runs out in about %n day(s)</source>
        <translation>
            <numerusform>약 %n일 후 소진 예상</numerusform>
        </translation>
    </message>
    <message>
        <source>uses about %1% a day</source>
        <translation>하루 약 %1% 사용</translation>
    </message>
    <message>
        <source>%1 outside MPS</source>
        <translation>MPS 밖 %1쪽</translation>
    </message>
    <message>
        <source>Since its counter was first read the printer counted %1 pages; MPS released %2 there. The %3 in between were copies, direct prints or reports.</source>
        <translation>카운터를 처음 읽은 뒤 프린터가 센 쪽수는 %1쪽, MPS가 이 프린터로 출력한 쪽수는 %2쪽입니다. 차이 %3쪽은 복사, 직접 인쇄 또는 보고서 인쇄입니다.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>확인된 적 없음</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>%1부터</translation>
    </message>
    <message>
        <source>Needs attention now: a fault, or not answering</source>
        <translation>바로 조치 필요: 장애가 있거나 응답이 없습니다</translation>
    </message>
    <message>
        <source>A supply is empty or low: replace it soon</source>
        <translation>소모품이 바닥났거나 부족합니다: 곧 교체하세요</translation>
    </message>
    <message>
        <source>A supply will run out within the forecast days</source>
        <translation>예측 기간 안에 소진될 소모품이 있습니다</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Printer fault cleared</source>
        <translation>프린터 장애 해결</translation>
    </message>
    <message>
        <source>%1: %2 is over.</source>
        <translation>%1: %2 해결되었습니다.</translation>
    </message>
    <message>
        <source>Printer answers again</source>
        <translation>프린터 응답 재개</translation>
    </message>
    <message>
        <source>%1 answers again.</source>
        <translation>%1 프린터가 다시 응답합니다.</translation>
    </message>
    <message>
        <source>Supply all clear</source>
        <translation>소모품 정상화</translation>
    </message>
    <message>
        <source>%1 at %2 is at %3% again.</source>
        <translation>%2의 %1: 다시 %3%입니다.</translation>
    </message>
    <message>
        <source>%1 at %2 no longer needs replacing.</source>
        <translation>%2의 %1: 이제 교체하지 않아도 됩니다.</translation>
    </message>
    <message>
        <source>Printer fault still open</source>
        <translation>프린터 장애 계속</translation>
    </message>
    <message>
        <source>Printer fault</source>
        <translation>프린터 장애</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Printer still not answering</source>
        <translation>프린터 여전히 응답 없음</translation>
    </message>
    <message>
        <source>Printer not answering</source>
        <translation>프린터 응답 없음</translation>
    </message>
    <message>
        <source>%1 has not answered since %2.</source>
        <translation>%1 프린터가 %2부터 응답하지 않습니다.</translation>
    </message>
    <message>
        <source>%1 does not answer.</source>
        <translation>%1 프린터가 응답하지 않습니다.</translation>
    </message>
    <message>
        <source>Supply still running out</source>
        <translation>소모품 소진 임박 (계속)</translation>
    </message>
    <message>
        <source>Supply running out</source>
        <translation>소모품 소진 임박</translation>
    </message>
    <message numerus="yes">
        <source>%1 at %2 runs out in about %n day(s).</source>
        <translation>
            <numerusform>%2의 %1: 약 %n일 후 소진될 예정입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 at %2 runs out today.</source>
        <translation>%2의 %1: 오늘 소진될 예정입니다.</translation>
    </message>
    <message>
        <source>%1 at %2 is empty. Replace it.</source>
        <translation>%2의 %1: 바닥났습니다. 교체하세요.</translation>
    </message>
    <message>
        <source>%1 at %2 is at %3%. Replace it soon.</source>
        <translation>%2의 %1: %3% 남았습니다. 곧 교체하세요.</translation>
    </message>
    <message>
        <source>%1 at %2 is low. Replace it soon.</source>
        <translation>%2의 %1: 얼마 남지 않았습니다. 곧 교체하세요.</translation>
    </message>
    <message>
        <source>Supply still low</source>
        <translation>소모품 부족 (계속)</translation>
    </message>
    <message>
        <source>Supply low</source>
        <translation>소모품 부족</translation>
    </message>
    <message>
        <source>No supplies reported</source>
        <translation>보고된 소모품 없음</translation>
    </message>
    <message>
        <source>No supply history yet</source>
        <translation>아직 소모품 기록이 없습니다</translation>
    </message>
    <message>
        <source>Supply levels, last 30 days</source>
        <translation>최근 30일 소모품 잔량</translation>
    </message>
</context>
<context>
    <name>DevicesWindow</name>
    <message>
        <source>Only print admins see the printers and the order list. Sign in as a print admin.</source>
        <translation>프린터와 주문 목록은 인쇄 관리자만 볼 수 있습니다. 인쇄 관리자 계정으로 로그인하세요.</translation>
    </message>
    <message>
        <source>This print server does not monitor printers yet. Ask the print admin to update it.</source>
        <translation>이 인쇄 서버는 아직 프린터를 감시하지 않습니다. 인쇄 관리자에게 서버 업데이트를 요청하세요.</translation>
    </message>
    <message>
        <source>Devices - MPS</source>
        <translation>장치 - MPS</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Order list</source>
        <translation>주문 목록</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>위치(&amp;L):</translation>
    </message>
    <message>
        <source>Shows the printers whose location starts with this text (a building or a floor)</source>
        <translation>위치가 이 글자로 시작하는 프린터만 보여 줍니다 (건물이나 층)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Days ahead:</source>
        <translation>예측 기간(일)(&amp;D):</translation>
    </message>
    <message>
        <source>Also order supplies forecast to run out within this many days</source>
        <translation>이 기간 안에 소진될 것으로 예측되는 소모품도 주문 목록에 넣습니다</translation>
    </message>
    <message>
        <source>L&amp;ocation:</source>
        <translation>위치(&amp;O):</translation>
    </message>
    <message>
        <source>Only printers whose location starts with this text (a building or a floor)</source>
        <translation>위치가 이 글자로 시작하는 프린터만 넣습니다 (건물이나 층)</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>새로 고침(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation>CSV로 내보내기(&amp;X)...</translation>
    </message>
    <message>
        <source>Save this order list as a CSV file for the purchasing office</source>
        <translation>이 주문 목록을 구매 담당 부서에 보낼 CSV 파일로 저장합니다</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>모든 위치</translation>
    </message>
    <message>
        <source>Loading the printers...</source>
        <translation>프린터 목록을 불러오는 중...</translation>
    </message>
    <message>
        <source>No printer&apos;s location starts with &quot;%1&quot;. Choose another location.</source>
        <translation>위치 앞부분이 &quot;%1&quot;인 프린터가 없습니다. 다른 위치를 고르세요.</translation>
    </message>
    <message>
        <source>No printers are registered yet. Add them with mps-admin printer add.</source>
        <translation>등록된 프린터가 아직 없습니다. mps-admin printer add 명령으로 추가하세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n printer(s)</source>
        <translation>
            <numerusform>프린터 %n대</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n printer(s)</source>
        <translation>
            <numerusform>프린터 %n대 중 %1대</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n need(s) attention</source>
        <translation>
            <numerusform>%1, 조치 필요 %n대</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, all fine</source>
        <translation>%1, 모두 정상</translation>
    </message>
    <message>
        <source>Loading the order list...</source>
        <translation>주문 목록을 불러오는 중...</translation>
    </message>
    <message numerus="yes">
        <source>Nothing to order: no supply is low or runs out within %n day(s).</source>
        <translation>
            <numerusform>주문할 것이 없습니다: 부족하거나 %n일 안에 소진될 소모품이 없습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needed now: supplies at or below %1%. Needed soon: supplies forecast to run out within %n day(s). Each printer is listed with its level.</source>
        <translation>
            <numerusform>지금 필요: %1% 이하인 소모품. 곧 필요: %n일 안에 소진될 것으로 예측되는 소모품. 프린터마다 남은 양을 함께 적었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>불러오는 중...</translation>
    </message>
    <message>
        <source>Select a printer to see its details and open alerts.</source>
        <translation>프린터를 고르면 자세한 정보와 열린 알림을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Open alerts: %1</source>
        <translation>열린 알림: %1</translation>
    </message>
    <message>
        <source>Page counter: %1</source>
        <translation>페이지 카운터: %1</translation>
    </message>
    <message>
        <source>Last seen: %1. Checked: %2. Address: %3 (%4).</source>
        <translation>마지막 응답: %1. 확인: %2. 주소: %3 (%4).</translation>
    </message>
    <message>
        <source>The order list could not be loaded: %1</source>
        <translation>주문 목록을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The print server&apos;s answer was not understood. Ask the print admin to update it.</source>
        <translation>인쇄 서버의 응답을 이해할 수 없습니다. 인쇄 관리자에게 서버 업데이트를 요청하세요.</translation>
    </message>
    <message>
        <source>supplies-order-%1</source>
        <translation>소모품-주문-%1</translation>
    </message>
    <message>
        <source>Export the order list</source>
        <translation>주문 목록 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Exporting the order list...</source>
        <translation>주문 목록을 내보내는 중...</translation>
    </message>
    <message>
        <source>The order list was not exported: %1</source>
        <translation>주문 목록을 내보내지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The order list could not be saved as %1 (%2). Choose another folder.</source>
        <translation>주문 목록을 %1 파일로 저장하지 못했습니다 (%2). 다른 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>저장했습니다: %1</translation>
    </message>
</context>
<context>
    <name>EventStream</name>
    <message>
        <source>The server sent something other than events. Check the server address.</source>
        <translation>서버가 이벤트가 아닌 데이터를 보냈습니다. 서버 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The connection to the server was closed. Reconnecting.</source>
        <translation>서버 연결이 끊어졌습니다. 다시 연결하는 중입니다.</translation>
    </message>
</context>
<context>
    <name>FaxConfirm</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>FaxContactDialog</name>
    <message>
        <source>New phone book entry</source>
        <translation>새 주소록 항목</translation>
    </message>
    <message>
        <source>Change phone book entry</source>
        <translation>주소록 항목 수정</translation>
    </message>
    <message>
        <source>e.g. 02-123-4567</source>
        <translation>예: 02-123-4567</translation>
    </message>
    <message>
        <source>My own phone book</source>
        <translation>내 주소록</translation>
    </message>
    <message>
        <source>Shared with %1</source>
        <translation>%1 공용 주소록</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Fax number:</source>
        <translation>팩스 번호(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Phone book:</source>
        <translation>주소록(&amp;P):</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>메모(&amp;O):</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>저장할 번호: %1</translation>
    </message>
</context>
<context>
    <name>FaxContactModel</name>
    <message>
        <source>[%1]</source>
        <translation>[%1]</translation>
    </message>
    <message>
        <source>Shared phone book of %1</source>
        <translation>%1 공용 주소록</translation>
    </message>
    <message>
        <source>Your own phone book</source>
        <translation>내 주소록</translation>
    </message>
</context>
<context>
    <name>FaxCoverPage</name>
    <message>
        <source>Fax cover page</source>
        <translation>팩스 표지</translation>
    </message>
    <message>
        <source>FAX</source>
        <translation>팩스</translation>
    </message>
    <message>
        <source>To</source>
        <translation>받는 곳</translation>
    </message>
    <message>
        <source>Fax number</source>
        <translation>팩스 번호</translation>
    </message>
    <message>
        <source>From</source>
        <translation>보내는 사람</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>매수</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s), this cover included</source>
        <translation>
            <numerusform>표지 포함 %n쪽</numerusform>
        </translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
</context>
<context>
    <name>FaxDialog</name>
    <message numerus="yes">
        <source>Sent to the fax server: %n fax(es) queued. Sent faxes in the tray menu shows how they go.</source>
        <translation>
            <numerusform>팩스 서버로 보냈습니다: 팩스 %n건이 대기 중입니다. 진행 상황은 트레이 메뉴의 보낸 팩스에서 볼 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add who the fax goes to, check the pages, then press Send fax.</source>
        <translation>받는 곳을 추가하고 쪽을 확인한 뒤 팩스 보내기를 누르세요.</translation>
    </message>
    <message>
        <source>Send fax - MPS</source>
        <translation>팩스 보내기 - MPS</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>받는 곳</translation>
    </message>
    <message>
        <source>Cover page</source>
        <translation>표지</translation>
    </message>
    <message>
        <source>Add a cover page</source>
        <translation>표지 붙이기</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>받는 곳(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>보내는 사람(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>제목(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>메모(&amp;N):</translation>
    </message>
    <message>
        <source>The recipients&apos; names</source>
        <translation>받는 곳 이름</translation>
    </message>
    <message>
        <source>e.g. Signed contract for review</source>
        <translation>예: 서명한 계약서 검토 요청</translation>
    </message>
    <message>
        <source>&amp;Send fax</source>
        <translation>팩스 보내기(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>No document yet. Choose &quot;Send fax...&quot; in the tray menu and pick a file, or print to &quot;MPS Fax&quot; from any program.</source>
        <translation>아직 문서가 없습니다. 트레이 메뉴에서 &quot;팩스 보내기...&quot;를 눌러 파일을 고르거나, 아무 프로그램에서나 &quot;MPS Fax&quot;로 인쇄하세요.</translation>
    </message>
    <message>
        <source>Sending %1 to the server...</source>
        <translation>%1 문서를 서버로 보내는 중...</translation>
    </message>
    <message>
        <source>The pages appear here once the document is on the server.</source>
        <translation>문서가 서버에 올라가면 여기에 쪽이 나타납니다.</translation>
    </message>
    <message>
        <source>Preparing %1 for faxing...</source>
        <translation>%1 문서를 팩스용으로 준비하는 중...</translation>
    </message>
    <message>
        <source>Opening the printed document...</source>
        <translation>인쇄한 문서를 여는 중...</translation>
    </message>
    <message>
        <source>Updating the cover page...</source>
        <translation>표지를 고치는 중...</translation>
    </message>
    <message>
        <source>Sending the fax...</source>
        <translation>팩스를 보내는 중...</translation>
    </message>
    <message>
        <source>There is no document to fax. Close this window and try again with another file.</source>
        <translation>보낼 문서가 없습니다. 이 창을 닫고 다른 파일로 다시 해 보세요.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n page(s) with the cover page</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: 표지 포함 %n쪽</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n page(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n쪽</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No document yet.</source>
        <translation>아직 문서가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>The cover page says %n page(s) in all, itself included.</source>
        <translation>
            <numerusform>표지에는 표지를 포함해 모두 %n쪽으로 적힙니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The cover page could not be drawn. Send without it or try again.</source>
        <translation>표지를 만들지 못했습니다. 표지 없이 보내거나 다시 해 보세요.</translation>
    </message>
    <message>
        <source>Discard fax</source>
        <translation>팩스 버리기</translation>
    </message>
    <message>
        <source>Close without sending? %1 is deleted from the server and not faxed.</source>
        <translation>보내지 않고 닫을까요? %1 문서는 서버에서 지워지고 팩스로 나가지 않습니다.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>my name, my department</comment>
        <translation>%2 %1</translation>
    </message>
</context>
<context>
    <name>FaxForwardDialog</name>
    <message>
        <source>Forward fax - MPS</source>
        <translation>팩스 전달 - MPS</translation>
    </message>
    <message numerus="yes">
        <source>Forward the fax from %1 (%n page(s)) to:</source>
        <translation>
            <numerusform>%1에서 온 팩스(%n쪽)를 전달할 곳:</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>전달(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Forwarding the fax...</source>
        <translation>팩스를 전달하는 중...</translation>
    </message>
    <message numerus="yes">
        <source>Forwarded: %n fax(es) queued.</source>
        <translation>
            <numerusform>전달했습니다: 팩스 %n건이 대기 중입니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FaxInboxModel</name>
    <message>
        <source>Only part of this fax arrived: %1</source>
        <translation>이 팩스는 일부만 받았습니다: %1</translation>
    </message>
    <message>
        <source>Unknown sender</source>
        <translation>알 수 없는 발신자</translation>
    </message>
    <message>
        <source>%1 (incomplete)</source>
        <translation>%1 (일부만 받음)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>보낸 곳</translation>
    </message>
    <message>
        <source>Fax number</source>
        <translation>팩스 번호</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>받은 시각</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>팩스함</translation>
    </message>
</context>
<context>
    <name>FaxInboxWindow</name>
    <message>
        <source>Fax deleted.</source>
        <translation>팩스를 지웠습니다.</translation>
    </message>
    <message>
        <source>Fax inbox - MPS</source>
        <translation>받은 팩스 - MPS</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>PDF로 저장(&amp;S)...</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDF로 저장</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>인쇄(&amp;P)</translation>
    </message>
    <message>
        <source>Hold the fax as a print job; release it at any MFP</source>
        <translation>팩스를 인쇄 대기 작업으로 보관합니다. 아무 복합기에서나 출력하세요</translation>
    </message>
    <message>
        <source>&amp;Forward...</source>
        <translation>전달(&amp;F)...</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>전달</translation>
    </message>
    <message>
        <source>&amp;Block sender</source>
        <translation>발신자 차단(&amp;B)</translation>
    </message>
    <message>
        <source>Faxes from this number are no longer received for you</source>
        <translation>이 번호에서 오는 팩스를 더 이상 받지 않습니다</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>Faxes</source>
        <translation>팩스</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Select a fax to see its pages.</source>
        <translation>팩스를 고르면 쪽이 보입니다.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Received %2 for %3, %n page(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2에 받음 (%3 팩스함), %n쪽.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only part of this fax arrived. Ask the sender to send it again.</source>
        <translation>이 팩스는 일부만 받았습니다. 보낸 곳에 다시 보내 달라고 하세요.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>불러오는 중...</translation>
    </message>
    <message>
        <source>No faxes received.

Faxes sent to your fax number or your department&apos;s arrive here and are never printed by themselves. The tray tells you when one arrives.</source>
        <translation>받은 팩스가 없습니다.

내 팩스 번호나 부서 팩스 번호로 온 팩스는 여기에 모이며 저절로 인쇄되지 않습니다. 팩스가 오면 트레이에서 알려 드립니다.</translation>
    </message>
    <message>
        <source>Fax from %1 %2</source>
        <translation>%1 팩스 %2</translation>
    </message>
    <message>
        <source>Save fax as PDF</source>
        <translation>팩스를 PDF로 저장</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>저장하는 중...</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2. Choose another folder.</source>
        <translation>저장하지 못했습니다(%1): %2. 다른 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>저장했습니다: %1</translation>
    </message>
    <message>
        <source>Held as a print job: release it at any MFP with your card.</source>
        <translation>인쇄 대기 작업으로 보관했습니다. 아무 복합기에서나 카드를 대고 출력하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Forwarded: %n fax(es) queued. Sent faxes shows how they go.</source>
        <translation>
            <numerusform>전달했습니다: 팩스 %n건이 대기 중입니다. 진행 상황은 보낸 팩스에서 볼 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Block sender</source>
        <translation>발신자 차단</translation>
    </message>
    <message>
        <source>Block %1? Faxes from this sender will no longer reach you; they are not stored.</source>
        <translation>%1 발신자를 차단할까요? 이 발신자가 보낸 팩스는 더 이상 받지 않으며 저장되지도 않습니다.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>차단</translation>
    </message>
    <message>
        <source>Faxes from %1 are blocked.</source>
        <translation>%1에서 오는 팩스를 차단했습니다.</translation>
    </message>
    <message>
        <source>Delete fax</source>
        <translation>팩스 삭제</translation>
    </message>
    <message>
        <source>Delete the fax from %1 for everyone in %2? It cannot be brought back.</source>
        <translation>%1에서 온 팩스를 %2 모든 사람에게서 지울까요? 되살릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete the fax from %1? It cannot be brought back.</source>
        <translation>%1에서 온 팩스를 지울까요? 되살릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Add to &amp;phone book...</source>
        <translation>주소록에 추가(&amp;P)...</translation>
    </message>
    <message>
        <source>Add to phone book</source>
        <translation>주소록에 추가</translation>
    </message>
    <message>
        <source>Keep the sender&apos;s number in your phone book</source>
        <translation>보낸 곳의 번호를 주소록에 저장합니다</translation>
    </message>
    <message>
        <source>Added to your phone book.</source>
        <translation>주소록에 추가했습니다.</translation>
    </message>
</context>
<context>
    <name>FaxPagePreview</name>
    <message>
        <source>&amp;Zoom:</source>
        <translation>확대(&amp;Z):</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>너비에 맞춤</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>%1쪽</translation>
    </message>
    <message>
        <source>This page cannot be shown right now.</source>
        <translation>지금은 이 쪽을 보여 드릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>FaxRecipientModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Fax number</source>
        <translation>팩스 번호</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s)</source>
        <translation>
            <numerusform>%1 외 %n곳</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FaxRecipientsPanel</name>
    <message>
        <source>Phone book saved.</source>
        <translation>주소록에 저장했습니다.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>Who receives it, e.g. Seocho-gu Office</source>
        <translation>받는 곳, 예: 서초구청</translation>
    </message>
    <message>
        <source>Fax &amp;number:</source>
        <translation>팩스 번호(&amp;N):</translation>
    </message>
    <message>
        <source>e.g. 02-123-4567</source>
        <translation>예: 02-123-4567</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <source>Add this name and number to the recipients</source>
        <translation>이 이름과 번호를 받는 곳에 추가합니다</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>받는 곳:</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>빼기(&amp;R)</translation>
    </message>
    <message>
        <source>Add to &amp;phone book...</source>
        <translation>주소록에 추가(&amp;P)...</translation>
    </message>
    <message>
        <source>Phone book:</source>
        <translation>주소록:</translation>
    </message>
    <message>
        <source>Search by name or number</source>
        <translation>이름이나 번호로 찾기</translation>
    </message>
    <message>
        <source>Your phone book is empty. Add a recipient and choose &quot;Add to phone book&quot;, or choose &quot;New...&quot;.</source>
        <translation>주소록이 비어 있습니다. 받는 곳을 추가한 뒤 &quot;주소록에 추가&quot;를 누르거나 &quot;새로 만들기...&quot;를 누르세요.</translation>
    </message>
    <message>
        <source>No entry matches. Check the spelling, or search by part of the number.</source>
        <translation>맞는 항목이 없습니다. 철자를 확인하거나 번호 일부로 찾아 보세요.</translation>
    </message>
    <message>
        <source>Add to recipients</source>
        <translation>받는 곳에 추가</translation>
    </message>
    <message>
        <source>New...</source>
        <translation>새로 만들기...</translation>
    </message>
    <message>
        <source>Change...</source>
        <translation>수정...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Type the number as you would dial it from a desk phone, without the outside-line digit.</source>
        <translation>사무실 전화로 걸 때처럼 번호를 입력하세요. 외부 회선 번호(예: 9)는 빼고 입력합니다.</translation>
    </message>
    <message>
        <source>Will be sent to %1</source>
        <translation>보낼 번호: %1</translation>
    </message>
    <message>
        <source>%1 is already a recipient.</source>
        <translation>%1 번호는 이미 받는 곳에 있습니다.</translation>
    </message>
    <message>
        <source>Delete %1 (%2) from the shared phone book of %3? Everyone in the department loses it.</source>
        <translation>%3 공용 주소록에서 %1(%2) 항목을 지울까요? 부서 모든 사람의 주소록에서 사라집니다.</translation>
    </message>
    <message>
        <source>Delete %1 (%2) from your phone book?</source>
        <translation>내 주소록에서 %1(%2) 항목을 지울까요?</translation>
    </message>
    <message>
        <source>Delete phone book entry</source>
        <translation>주소록 항목 삭제</translation>
    </message>
</context>
<context>
    <name>FaxText</name>
    <message>
        <source>Enter the fax number.</source>
        <translation>팩스 번호를 입력하세요.</translation>
    </message>
    <message>
        <source>A fax number has only digits, spaces, dashes, dots and brackets, with # before a sub-address. Check %1.</source>
        <translation>팩스 번호에는 숫자, 띄어쓰기, 하이픈(-), 점, 괄호만 쓸 수 있고 서브주소 앞에는 #을 씁니다. %1 번호를 확인하세요.</translation>
    </message>
    <message>
        <source>%1 is too short for a fax number. Check that the area code and every digit are there.</source>
        <translation>%1: 팩스 번호로는 너무 짧습니다. 지역 번호와 모든 자리가 들어갔는지 확인하세요.</translation>
    </message>
    <message>
        <source>%1 is too long for a fax number. Check it for extra digits.</source>
        <translation>%1: 팩스 번호로는 너무 깁니다. 숫자가 더 들어가지 않았는지 확인하세요.</translation>
    </message>
    <message>
        <source>%1 does not start with a Korean area code such as 02, 031 or 010. Check the first digits.</source>
        <translation>%1: 02, 031, 010 같은 국내 지역 번호로 시작하지 않습니다. 앞자리를 확인하세요.</translation>
    </message>
    <message>
        <source>%1 is a number abroad. Faxes go only to numbers in Korea; ask the print admin about other countries.</source>
        <translation>%1: 해외 번호입니다. 팩스는 국내 번호로만 보낼 수 있습니다. 해외로 보내려면 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The sub-address after # in %1 must be digits only, at most 20.</source>
        <translation>%1: # 뒤의 서브주소는 20자리 이하의 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>The line was busy each time it was called. Send it again later.</source>
        <translation>걸 때마다 통화 중이었습니다. 잠시 뒤 다시 보내세요.</translation>
    </message>
    <message>
        <source>Nobody answered. Check that the receiving fax machine is on, then send it again.</source>
        <translation>받지 않았습니다. 받는 쪽 팩스기가 켜져 있는지 확인한 뒤 다시 보내세요.</translation>
    </message>
    <message>
        <source>A telephone or another device answered, not a fax machine. Check the number.</source>
        <translation>팩스기가 아니라 전화기나 다른 기기가 받았습니다. 번호를 확인하세요.</translation>
    </message>
    <message>
        <source>The call was cut off or the line was too poor. Send it again.</source>
        <translation>통화가 끊겼거나 회선 상태가 나빴습니다. 다시 보내세요.</translation>
    </message>
    <message>
        <source>The fax line does not accept this number. Check the number.</source>
        <translation>팩스 회선이 이 번호를 받아들이지 않습니다. 번호를 확인하세요.</translation>
    </message>
    <message>
        <source>The fax server refused the fax. Ask the print admin.</source>
        <translation>팩스 서버가 이 팩스를 거부했습니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The fax server could not be reached for a long time. Send it again later or ask the print admin.</source>
        <translation>오랫동안 팩스 서버에 연결하지 못했습니다. 나중에 다시 보내거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The fax was cancelled.</source>
        <translation>팩스 보내기를 취소했습니다.</translation>
    </message>
    <message>
        <source>The fax could not be sent for a reason the fax server did not give. Send it again or ask the print admin.</source>
        <translation>팩스 서버가 알려 주지 않은 이유로 팩스를 보내지 못했습니다. 다시 보내거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>보내기 대기 중</translation>
    </message>
    <message>
        <source>Waiting for a free line</source>
        <translation>빈 회선 기다리는 중</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>전화 거는 중</translation>
    </message>
    <message>
        <source>Sending page %1 of %2</source>
        <translation>%2쪽 중 %1쪽 보내는 중</translation>
    </message>
    <message numerus="yes">
        <source>Sent, %n page(s) in %1</source>
        <translation>
            <numerusform>보냄, %n쪽, %1 걸림</numerusform>
        </translation>
    </message>
    <message>
        <source>(received by %1)</source>
        <translation>(받은 곳 %1)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Not sent after %1 of %2 pages: %3</source>
        <translation>%2쪽 중 %1쪽까지만 보냄: %3</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>보내지 못함: %1</translation>
    </message>
    <message>
        <source>Nothing was sent. %1</source>
        <translation>아무것도 보내지 않았습니다. %1</translation>
    </message>
    <message>
        <source>Nothing was sent: the number %1 is not valid. Check it.</source>
        <translation>아무것도 보내지 않았습니다: %1 번호가 올바르지 않습니다. 확인하세요.</translation>
    </message>
    <message>
        <source>Add at least one recipient with a fax number.</source>
        <translation>팩스 번호가 있는 받는 곳을 하나 이상 추가하세요.</translation>
    </message>
    <message numerus="yes">
        <source>A fax can go to at most %n recipient(s) at once. Remove some and send the rest afterwards.</source>
        <translation>
            <numerusform>팩스 한 번에 최대 %n곳까지 보낼 수 있습니다. 일부를 빼고 나머지는 따로 보내세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are too many recipients for one fax. Remove some and send the rest afterwards.</source>
        <translation>한 번에 보내기에는 받는 곳이 너무 많습니다. 일부를 빼고 나머지는 따로 보내세요.</translation>
    </message>
    <message>
        <source>Faxing is not set up on the server. Ask the print admin.</source>
        <translation>서버에 팩스가 설정되어 있지 않습니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>This fax has already moved on (sent, finished or cancelled). The list shows where it is now.</source>
        <translation>이 팩스는 이미 다음 단계로 넘어갔습니다(보냄, 끝남 또는 취소됨). 지금 상태는 목록에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>This fax&apos;s document is no longer kept on the server. Send the document again from its program.</source>
        <translation>이 팩스의 문서는 서버에 더 이상 보관되어 있지 않습니다. 문서를 만든 프로그램에서 다시 보내세요.</translation>
    </message>
    <message>
        <source>The cover page could not be added. Turn the cover page off and on again, or send without it.</source>
        <translation>표지를 붙이지 못했습니다. 표지를 껐다 다시 켜거나 표지 없이 보내세요.</translation>
    </message>
    <message>
        <source>This fax is no longer there: it was deleted or has expired.</source>
        <translation>이 팩스는 더 이상 없습니다. 지워졌거나 보관 기간이 지났습니다.</translation>
    </message>
    <message>
        <source>Only the person who added this entry, the department&apos;s heads and admins may change it.</source>
        <translation>이 항목은 추가한 사람, 부서장, 관리자만 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Fax sent</source>
        <translation>팩스를 보냈습니다</translation>
    </message>
    <message>
        <source>%1 was sent to %2.</source>
        <translation>%1 문서를 %2 앞으로 보냈습니다.</translation>
    </message>
    <message>
        <source>Fax not sent</source>
        <translation>팩스를 보내지 못했습니다</translation>
    </message>
    <message>
        <source>%1 to %2 was not sent. %3 You can send it again from Sent faxes.</source>
        <translation>%2 앞으로 보낸 %1 문서가 전송되지 않았습니다. %3 보낸 팩스에서 다시 보낼 수 있습니다.</translation>
    </message>
    <message>
        <source>an unknown sender</source>
        <translation>알 수 없는 발신자</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) from %1 for %2.</source>
        <translation>
            <numerusform>%1에서 %2 앞으로 %n쪽이 왔습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) from %1.</source>
        <translation>
            <numerusform>%1에서 %n쪽이 왔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only part of it arrived.</source>
        <translation>일부만 받았습니다.</translation>
    </message>
    <message>
        <source>New fax</source>
        <translation>새 팩스</translation>
    </message>
    <message>
        <source>Open the fax inbox to read it.</source>
        <translation>받은 팩스를 열어 확인하세요.</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>어제 %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Unrouted</source>
        <translation>배정 안 됨</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>내 팩스</translation>
    </message>
    <message>
        <source>line busy</source>
        <translation>통화 중</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>not a fax machine</source>
        <translation>팩스기 아님</translation>
    </message>
    <message>
        <source>call cut off</source>
        <translation>통화 끊김</translation>
    </message>
    <message>
        <source>number not accepted</source>
        <translation>번호 거부됨</translation>
    </message>
    <message>
        <source>refused by the fax server</source>
        <translation>팩스 서버가 거부</translation>
    </message>
    <message>
        <source>fax server unreachable</source>
        <translation>팩스 서버 연결 안 됨</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>reason unknown</source>
        <translation>이유 알 수 없음</translation>
    </message>
    <message>
        <source>The fax line cannot be reached right now, so this could not be done. Try again in a few minutes.</source>
        <translation>지금은 팩스 회선에 연결할 수 없어 처리하지 못했습니다. 몇 분 뒤 다시 해 보세요.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Printed</source>
        <translation>인쇄됨</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>삭제됨</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>기한 만료</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>프린터</translation>
    </message>
    <message>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>쪽수</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>History - MPS Secure Print</source>
        <translation>인쇄 기록 - MPS 보안 인쇄</translation>
    </message>
    <message numerus="yes">
        <source>What became of your print jobs in the last %n days.</source>
        <translation>
            <numerusform>최근 %n일 동안 인쇄 작업이 어떻게 처리되었는지 보여 줍니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand. Try again later.</source>
        <translation>이 앱이 이해할 수 없는 응답을 서버가 보냈습니다. 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>불러오는 중...</translation>
    </message>
    <message numerus="yes">
        <source>Nothing yet in the last %n days.

Jobs you print, delete or leave to expire are listed here, with where and when they printed and what they cost.</source>
        <translation>
            <numerusform>최근 %n일 동안의 기록이 아직 없습니다.

인쇄하거나 삭제하거나 기한이 지난 작업이 여기에 표시되며, 어디서 언제 인쇄했고 비용이 얼마였는지도 함께 보입니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobItemDelegate</name>
    <message>
        <source>today %1</source>
        <translation>오늘 %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>내일 %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>어제 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n쪽</numerusform>
        </translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>흑백</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>컬러</translation>
    </message>
    <message>
        <source>Two-sided</source>
        <translation>양면</translation>
    </message>
    <message>
        <source>One-sided</source>
        <translation>단면</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n부</numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>제출 %1</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>만료 %1</translation>
    </message>
    <message>
        <source>Sending to %1...</source>
        <translation>%1 프린터로 보내는 중...</translation>
    </message>
    <message>
        <source>Printing at %1</source>
        <translation>%1에서 인쇄 중</translation>
    </message>
    <message>
        <source>Not printed last time; still held</source>
        <translation>지난번에 인쇄되지 않음 · 계속 출력 대기 중</translation>
    </message>
    <message>
        <source>Not printed at %1; still held</source>
        <translation>%1에서 인쇄되지 않음 · 계속 출력 대기 중</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>약 %1</translation>
    </message>
    <message>
        <source>Not printed: over the monthly quota; still held</source>
        <translation>할당량 초과로 인쇄되지 않음 · 계속 출력 대기 중</translation>
    </message>
</context>
<context>
    <name>JobListModel</name>
    <message>
        <source>The server sent an answer this app does not understand. Try again later.</source>
        <translation>이 앱이 이해할 수 없는 응답을 서버가 보냈습니다. 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in and try again.</source>
        <translation>로그인되어 있지 않습니다. 로그인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>작업 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>JobOptionsDialog</name>
    <message>
        <source>Print options</source>
        <translation>인쇄 옵션</translation>
    </message>
    <message numerus="yes">
        <source>Change how the %n selected job(s) will print.</source>
        <translation>
            <numerusform>선택한 작업 %n건의 인쇄 방법을 바꿉니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>One-sided</source>
        <translation>단면</translation>
    </message>
    <message>
        <source>Two-sided (long edge, like a book)</source>
        <translation>양면 (긴 쪽 넘김, 책처럼)</translation>
    </message>
    <message>
        <source>Two-sided (short edge, like a calendar)</source>
        <translation>양면 (짧은 쪽 넘김, 달력처럼)</translation>
    </message>
    <message>
        <source>As in the document</source>
        <translation>문서 그대로</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>컬러</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>흑백</translation>
    </message>
    <message>
        <source>&amp;Copies:</source>
        <translation>부수(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Sides:</source>
        <translation>면(&amp;S):</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>색상(&amp;O):</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>JobUploader</name>
    <message>
        <source>%1 could not be read as a picture.</source>
        <translation>%1 파일을 사진으로 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in and try again.</source>
        <translation>로그인되어 있지 않습니다. 로그인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be printed from here. Drop PDF, office documents, text files or pictures, or print it from its application.</source>
        <translation>%1 파일은 여기서 인쇄할 수 없습니다. PDF, 오피스 문서, 텍스트 파일이나 사진을 끌어다 놓거나, 해당 프로그램에서 인쇄하세요.</translation>
    </message>
</context>
<context>
    <name>MemberUsageModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no quota</source>
        <translation>할당량 없음</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>직원</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>쪽수</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>용지(장)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>Quota used</source>
        <translation>할당량 사용</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>남은 금액</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>절감액</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>%1 초과</translation>
    </message>
</context>
<context>
    <name>MyJobsWindow</name>
    <message>
        <source>My print jobs - MPS Secure Print</source>
        <translation>내 인쇄 작업 - MPS 보안 인쇄</translation>
    </message>
    <message>
        <source>%1 of %2: %p%</source>
        <translation>%2개 중 %1번째: %p%</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <source>Sending %1...</source>
        <translation>%1 보내는 중...</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) added to your held jobs.</source>
        <translation>
            <numerusform>문서 %n건을 출력 대기 작업에 추가했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some documents were not added</source>
        <translation>추가하지 못한 문서가 있습니다</translation>
    </message>
    <message>
        <source>Print the selected jobs at a printer of your choice</source>
        <translation>선택한 작업을 원하는 프린터에서 인쇄합니다</translation>
    </message>
    <message>
        <source>&amp;Options...</source>
        <translation>옵션(&amp;O)...</translation>
    </message>
    <message>
        <source>Change copies, sides and colour of the selected jobs</source>
        <translation>선택한 작업의 부수, 양면, 색상을 바꿉니다</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected jobs without printing them</source>
        <translation>선택한 작업을 인쇄하지 않고 삭제합니다</translation>
    </message>
    <message>
        <source>Print a &amp;file...</source>
        <translation>파일 인쇄(&amp;F)...</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Loading your jobs...</source>
        <translation>작업 목록을 불러오는 중...</translation>
    </message>
    <message>
        <source>Nothing is waiting for you.

Print from any application to the printer &quot;MPS Secure Print&quot;, or drop PDF files and pictures here.</source>
        <translation>대기 중인 인쇄 작업이 없습니다.

아무 프로그램에서나 &quot;MPS Secure Print&quot; 프린터로 인쇄하거나, PDF 파일과 사진을 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● 실시간 연결됨</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ 연결 끊김</translation>
    </message>
    <message>
        <source>Changes to your jobs appear here as they happen.</source>
        <translation>작업이 바뀌면 바로 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Not connected to the print server; trying again.</source>
        <translation>인쇄 서버에 연결되어 있지 않습니다. 다시 연결하는 중입니다.</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>%1 님으로 로그인됨</translation>
    </message>
    <message>
        <source>Delete %1? It will not be printed, and it cannot be brought back.</source>
        <translation>%1 작업을 삭제할까요? 인쇄되지 않으며 되돌릴 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n jobs? They will not be printed, and they cannot be brought back.</source>
        <translation>
            <numerusform>작업 %n건을 삭제할까요? 인쇄되지 않으며 되돌릴 수 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete jobs</source>
        <translation>작업 삭제</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Deleting...</source>
        <translation>삭제하는 중...</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>저장하는 중...</translation>
    </message>
    <message>
        <source>Sending to %1...</source>
        <translation>%1 프린터로 보내는 중...</translation>
    </message>
    <message>
        <source>Print a file</source>
        <translation>파일 인쇄</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) deleted.</source>
        <translation>
            <numerusform>작업 %n건을 삭제했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some jobs were not deleted</source>
        <translation>삭제하지 못한 작업이 있습니다</translation>
    </message>
    <message numerus="yes">
        <source>Options of %n job(s) changed.</source>
        <translation>
            <numerusform>작업 %n건의 옵션을 바꿨습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some options were not changed</source>
        <translation>바꾸지 못한 옵션이 있습니다</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) sent to %1. Collect them there.</source>
        <translation>
            <numerusform>작업 %n건을 %1 프린터로 보냈습니다. 그곳에서 찾아가세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some jobs were not sent to the printer</source>
        <translation>프린터로 보내지 못한 작업이 있습니다</translation>
    </message>
    <message>
        <source>&amp;Print at a printer...</source>
        <translation>프린터에서 인쇄(&amp;P)...</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>인쇄</translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation>파일 추가</translation>
    </message>
    <message>
        <source>Add a PDF file or a picture to your held jobs</source>
        <translation>PDF 파일이나 사진을 출력 대기 작업에 추가합니다</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>What is left of your monthly print quota. Open Usage from the tray menu for details.</source>
        <translation>이번 달 인쇄 할당량 중 남은 금액입니다. 자세한 내용은 트레이 메뉴의 사용량에서 확인하세요.</translation>
    </message>
    <message>
        <source>Documents and pictures (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf *.txt *.hwp *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif)</source>
        <translation>문서와 사진 (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf *.txt *.hwp *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif)</translation>
    </message>
</context>
<context>
    <name>NotificationText</name>
    <message>
        <source>Print job held</source>
        <translation>인쇄 작업 출력 대기</translation>
    </message>
    <message numerus="yes">
        <source>%1 held - %n page(s)</source>
        <translation>
            <numerusform>%1 출력 대기 - %n쪽</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not printed at %2 (%3). It is still held: release it again later or choose another printer.</source>
        <translation>%1 문서가 %2 프린터에서 인쇄되지 않았습니다(%3). 작업은 계속 출력 대기 중이니 나중에 다시 인쇄하거나 다른 프린터를 선택하세요.</translation>
    </message>
    <message>
        <source>%1 was not printed. It is still held: release it again later or choose another printer.</source>
        <translation>%1 문서가 인쇄되지 않았습니다. 작업은 계속 출력 대기 중이니 나중에 다시 인쇄하거나 다른 프린터를 선택하세요.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>인쇄되지 않음</translation>
    </message>
    <message>
        <source>Held job expires soon</source>
        <translation>출력 대기 작업이 곧 만료됩니다</translation>
    </message>
    <message>
        <source>%1 will be deleted at %2 unless you print it.</source>
        <translation>%1 문서는 인쇄하지 않으면 %2에 삭제됩니다.</translation>
    </message>
    <message>
        <source>Held job expired</source>
        <translation>출력 대기 작업 만료</translation>
    </message>
    <message>
        <source>%1 was not printed in time and has been deleted.</source>
        <translation>%1 문서가 기한 안에 인쇄되지 않아 삭제되었습니다.</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>인쇄 완료</translation>
    </message>
    <message>
        <source>%1 printed at %2</source>
        <translation>%1 문서를 %2 프린터에서 인쇄했습니다</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) printed at %1</source>
        <translation>
            <numerusform>%1에서 %n건을 인쇄했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the printer</source>
        <translation>프린터를 확인하세요</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Scan not delivered yet</source>
        <translation>스캔 아직 전달 안 됨</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n page(s)) has not reached your mailbox yet. The print server keeps trying; you need not scan it again.</source>
        <translation>
            <numerusform>%1 (%n쪽) 스캔이 아직 메일함에 도착하지 않았습니다. 인쇄 서버가 계속 다시 보내고 있으니 다시 스캔하지 않아도 됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan not delivered</source>
        <translation>스캔 전달 실패</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n page(s)) could not be delivered to your mailbox and has been deleted. Scan it again; if it fails again, ask the print admin to check your e-mail address.</source>
        <translation>
            <numerusform>%1 (%n쪽) 스캔을 메일함에 전달하지 못해 삭제했습니다. 다시 스캔하세요. 또 실패하면 인쇄 관리자에게 전자우편 주소 확인을 요청하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print server storage low</source>
        <translation>인쇄 서버 저장 공간 부족</translation>
    </message>
    <message>
        <source>The print server has %1 MB of storage left (%2 MB kept in reserve). Below the reserve it refuses new print jobs: delete old jobs or enlarge its disk.</source>
        <translation>인쇄 서버의 저장 공간이 %1MB 남았습니다(예비 %2MB). 예비 공간 아래로 내려가면 새 인쇄 작업을 받지 않습니다. 오래된 작업을 지우거나 디스크를 늘려 주세요.</translation>
    </message>
    <message>
        <source>Print server storage full</source>
        <translation>인쇄 서버 저장 공간 가득 참</translation>
    </message>
    <message>
        <source>The print server is refusing new print jobs and fax drafts: its storage is down to the %1 MB it keeps in reserve. What people print waits on their computers until there is room. Delete old jobs or enlarge its disk.</source>
        <translation>인쇄 서버가 새 인쇄 작업과 팩스 원고를 받지 않고 있습니다. 저장 공간이 예비로 남겨 두는 %1MB까지 줄었습니다. 사용자가 인쇄한 문서는 공간이 생길 때까지 각자의 컴퓨터에서 기다립니다. 오래된 작업을 지우거나 디스크를 늘려 주세요.</translation>
    </message>
    <message>
        <source>Print server storage has room again</source>
        <translation>인쇄 서버 저장 공간 회복</translation>
    </message>
    <message>
        <source>The print server has %1 MB of storage free again and takes new print jobs.</source>
        <translation>인쇄 서버의 저장 공간에 다시 %1MB 여유가 생겨 새 인쇄 작업을 받습니다.</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Supplies at or below %1% now</source>
        <translation>지금 %1% 이하인 소모품</translation>
    </message>
    <message numerus="yes">
        <source>Supplies forecast to run out within %n day(s)</source>
        <translation>
            <numerusform>%n일 안에 소진될 것으로 예측되는 소모품</numerusform>
        </translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>소모품</translation>
    </message>
    <message>
        <source>Need now</source>
        <translation>지금 필요</translation>
    </message>
    <message>
        <source>Need soon</source>
        <translation>곧 필요</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>프린터</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The outbox folder %1 cannot be created (%2). Ask IT support to install MPS again.</source>
        <translation>보관함 폴더(%1)를 만들 수 없습니다(%2). 전산 담당자에게 MPS 재설치를 요청하세요.</translation>
    </message>
    <message>
        <source>The outbox %1 is not a folder. Ask IT support to remove it.</source>
        <translation>보관함(%1)이 폴더가 아닙니다. 전산 담당자에게 삭제를 요청하세요.</translation>
    </message>
    <message>
        <source>The outbox folder %1 belongs to another user, so printed documents cannot be kept safe. Ask IT support to remove it.</source>
        <translation>보관함 폴더(%1)가 다른 사용자의 것이라 인쇄한 문서를 안전하게 보관할 수 없습니다. 전산 담당자에게 삭제를 요청하세요.</translation>
    </message>
    <message>
        <source>The outbox folder %1 is open to other users and cannot be closed (%2).</source>
        <translation>보관함 폴더(%1)가 다른 사용자에게 열려 있으며 권한을 바꿀 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The outbox key cannot be published in %1 (%2).</source>
        <translation>보관함 키를 %1에 게시할 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The document cannot be kept in the outbox %1 (%2).</source>
        <translation>문서를 보관함 %1에 보관할 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The document cannot be kept in the outbox (%1).</source>
        <translation>문서를 보관함에 보관할 수 없습니다(%1).</translation>
    </message>
    <message>
        <source>The document cannot be read (%1).</source>
        <translation>문서를 읽을 수 없습니다(%1).</translation>
    </message>
    <message>
        <source>The outbox file %1 cannot be changed (%2).</source>
        <translation>보관함 파일(%1)을 변경할 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The outbox file %1 cannot be renamed (%2).</source>
        <translation>보관함 파일 %1의 이름을 바꿀 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The outbox file %1 cannot be removed (%2).</source>
        <translation>보관함 파일(%1)을 삭제할 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The outbox folder %1 cannot be written to disk (%2).</source>
        <translation>보관함 폴더(%1)를 디스크에 기록할 수 없습니다(%2).</translation>
    </message>
</context>
<context>
    <name>OutboxDevice</name>
    <message>
        <source>The outbox file cannot be opened (%1).</source>
        <translation>보관함 파일을 열 수 없습니다(%1).</translation>
    </message>
    <message>
        <source>The outbox file is damaged.</source>
        <translation>보관함 파일이 손상되었습니다.</translation>
    </message>
</context>
<context>
    <name>OutboxKeyStore</name>
    <message>
        <source>Access to the keychain was refused, so printed documents cannot be sent. Unlock the keychain and restart MPS.</source>
        <translation>키체인 접근이 거부되어 인쇄한 문서를 보낼 수 없습니다. 키체인 잠금을 풀고 MPS를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>No keychain is available on this desktop, so printed documents cannot be kept safely. Ask IT support.</source>
        <translation>이 컴퓨터에는 키체인이 없어 인쇄한 문서를 안전하게 보관할 수 없습니다. 전산 담당자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The keychain could not be used, so printed documents cannot be sent. Restart MPS; if this keeps happening, ask IT support.</source>
        <translation>키체인을 사용할 수 없어 인쇄한 문서를 보낼 수 없습니다. MPS를 다시 시작하세요. 계속 이러면 전산 담당자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The outbox key in the keychain is damaged, so printed documents cannot be sent. Ask IT support.</source>
        <translation>키체인에 있는 보관함 키가 손상되어 인쇄한 문서를 보낼 수 없습니다. 전산 담당자에게 문의하세요.</translation>
    </message>
</context>
<context>
    <name>OutboxUploader</name>
    <message>
        <source>A printed document could not be opened: it was damaged or kept with a key this desktop no longer has. Print it again.</source>
        <translation>인쇄한 문서를 열 수 없습니다. 문서가 손상되었거나 이 컴퓨터에 더 이상 없는 키로 보관되었습니다. 다시 인쇄하세요.</translation>
    </message>
    <message>
        <source>You have as many jobs waiting on the print server as it keeps for one person. Print or delete some in My jobs: what you printed since waits on this computer and is sent by itself then.</source>
        <translation>인쇄 서버에 한 사람당 보관할 수 있는 만큼의 작업이 이미 대기 중입니다. 내 작업에서 일부를 인쇄하거나 삭제하세요. 그동안 인쇄한 문서는 이 컴퓨터에서 기다리다가 그때 자동으로 보내집니다.</translation>
    </message>
    <message>
        <source>The print server&apos;s storage is full. What you printed waits on this computer and is sent by itself once there is room.</source>
        <translation>인쇄 서버의 저장 공간이 가득 찼습니다. 인쇄한 문서는 이 컴퓨터에서 기다리다가 공간이 생기면 자동으로 보내집니다.</translation>
    </message>
</context>
<context>
    <name>PrinterListModel</name>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>paper jam</source>
        <translation>용지 걸림</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>용지 없음</translation>
    </message>
    <message>
        <source>out of toner</source>
        <translation>토너 없음</translation>
    </message>
    <message>
        <source>a door or cover is open</source>
        <translation>덮개 열림</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>오프라인</translation>
    </message>
    <message>
        <source>a paper tray is missing</source>
        <translation>용지함 없음</translation>
    </message>
    <message>
        <source>the output tray is full</source>
        <translation>출력함 가득 참</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>정지됨</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>인쇄 가능</translation>
    </message>
    <message>
        <source>Cannot print now: not reachable</source>
        <translation>지금 인쇄 불가: 연결할 수 없음</translation>
    </message>
    <message>
        <source>Cannot print now</source>
        <translation>지금 인쇄 불가</translation>
    </message>
    <message>
        <source>Cannot print now: %1</source>
        <translation>지금 인쇄 불가: %1</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand. Try again later.</source>
        <translation>이 앱이 이해할 수 없는 응답을 서버가 보냈습니다. 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Unknown: the print server cannot be reached</source>
        <translation>알 수 없음: 인쇄 서버에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>Ready, but %1: change the job&apos;s options first</source>
        <translation>준비됨. 단, %1 — 먼저 작업 옵션을 바꾸세요</translation>
    </message>
    <message>
        <source>cannot print two-sided</source>
        <translation>양면 인쇄 불가</translation>
    </message>
    <message>
        <source>cannot print in colour</source>
        <translation>컬러 인쇄 불가</translation>
    </message>
    <message numerus="yes">
        <source>prints at most %n copies at a time</source>
        <translation>
            <numerusform>한 번에 최대 %n부까지 인쇄</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrinterUsageModel</name>
    <message>
        <source>No department</source>
        <translation>부서 없음</translation>
    </message>
    <message>
        <source>%1 (own)</source>
        <translation>%1 (우리 부서)</translation>
    </message>
    <message>
        <source>%1 (other department)</source>
        <translation>%1 (다른 부서)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>프린터</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>소속 부서</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>쪽수</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
</context>
<context>
    <name>QuotaText</name>
    <message>
        <source>%1 %</source>
        <extracomment>A percentage: %1 is the number. Korean writes the sign without a space.</extracomment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Monthly quota of %1</source>
        <translation>%1 월 할당량</translation>
    </message>
    <message>
        <source>Your monthly quota</source>
        <translation>내 월 할당량</translation>
    </message>
    <message>
        <source>%1 spent this month; there is no limit.</source>
        <translation>이번 달 사용액은 %1이며 한도는 없습니다.</translation>
    </message>
    <message>
        <source>%1 of %2 used (%3)</source>
        <translation>%2 중 %1 사용(%3)</translation>
    </message>
    <message>
        <source>%1 - %2 left</source>
        <translation>%1 · %2 남음</translation>
    </message>
    <message>
        <source>%1 - %2 over</source>
        <translation>%1 · %2 초과</translation>
    </message>
    <message>
        <source>Hard limit: a job that would go over it stays held and is not printed.</source>
        <translation>초과 불가: 할당량을 넘는 작업은 인쇄되지 않고 출력 대기 상태로 남습니다.</translation>
    </message>
    <message>
        <source>Soft limit: jobs over it still print, and you are warned.</source>
        <translation>초과 허용: 할당량을 넘어도 인쇄되지만 경고가 표시됩니다.</translation>
    </message>
    <message>
        <source>Includes an extra allowance of %1 this month.</source>
        <translation>이번 달 추가 할당(%1)이 포함되어 있습니다.</translation>
    </message>
    <message>
        <source>Monthly quota used up (%1)</source>
        <translation>이번 달 할당량 모두 사용(%1)</translation>
    </message>
    <message>
        <source>%1 of %2 left this month</source>
        <translation>이번 달 할당량 %2 중 %1 남음</translation>
    </message>
    <message>
        <source>This job costs %1, but the monthly quota of %2 is used up. The job is still held: ask your department head or the print admin for an extra allowance for %2, or print it next month.</source>
        <translation>이 작업은 %1이지만 %2의 이번 달 할당량을 모두 사용했습니다. 작업은 계속 출력 대기 중이니, 부서장이나 관리자에게 %2의 추가 할당을 요청하거나 다음 달에 인쇄하세요.</translation>
    </message>
    <message>
        <source>This job costs %1, but only %2 is left of the monthly quota of %3. Print fewer pages or copies, print in black and white or on both sides, or ask your department head or the print admin for an extra allowance for %3.</source>
        <translation>이 작업은 %1이지만 %3의 이번 달 할당량이 %2 남았습니다. 매수를 줄이거나 흑백·양면으로 인쇄하거나, 부서장이나 관리자에게 %3의 추가 할당을 요청하세요.</translation>
    </message>
    <message>
        <source>This job costs %1, but your monthly quota is used up. The job is still held: ask your department head for an extra allowance, or print it next month.</source>
        <translation>이 작업은 %1이지만 이번 달 할당량을 모두 사용했습니다. 작업은 계속 출력 대기 중이니, 부서장에게 추가 할당을 요청하거나 다음 달에 인쇄하세요.</translation>
    </message>
    <message>
        <source>This job costs %1, but only %2 is left of your monthly quota. Print fewer pages or copies, print in black and white or on both sides, or ask your department head for an extra allowance.</source>
        <translation>이 작업은 %1이지만 이번 달 할당량이 %2 남았습니다. 매수를 줄이거나 흑백·양면으로 인쇄하거나, 부서장에게 추가 할당을 요청하세요.</translation>
    </message>
    <message>
        <source>Monthly quota used up</source>
        <translation>이번 달 할당량 모두 사용</translation>
    </message>
    <message>
        <source>Monthly quota almost used</source>
        <translation>이번 달 할당량 거의 소진</translation>
    </message>
    <message>
        <source>The monthly quota of %1 is used up (%2 of %3). Its members&apos; jobs stay held until an allowance is added or the month ends.</source>
        <translation>%1의 이번 달 할당량을 모두 사용했습니다(%3 중 %2). 추가 할당을 받거나 다음 달이 될 때까지 부서원의 작업은 출력 대기 상태로 남습니다.</translation>
    </message>
    <message>
        <source>The monthly quota of %1 is used up (%2 of %3). Jobs still print; the department head is told.</source>
        <translation>%1의 이번 달 할당량을 모두 사용했습니다(%3 중 %2). 인쇄는 계속되며 부서장에게 알림이 갑니다.</translation>
    </message>
    <message>
        <source>%1 of the monthly quota of %2 used (%3 of %4)</source>
        <translation>%2의 이번 달 할당량 중 %1를 사용했습니다(%4 중 %3).</translation>
    </message>
    <message>
        <source>Your monthly quota is used up (%1 of %2). Further jobs stay held; ask your department head for an extra allowance.</source>
        <translation>이번 달 할당량을 모두 사용했습니다(%2 중 %1). 이후 작업은 출력 대기 상태로 남으니 부서장에게 추가 할당을 요청하세요.</translation>
    </message>
    <message>
        <source>Your monthly quota is used up (%1 of %2). Jobs still print, but your department head sees the overspend.</source>
        <translation>이번 달 할당량을 모두 사용했습니다(%2 중 %1). 인쇄는 계속되지만 초과 사용은 부서장에게 표시됩니다.</translation>
    </message>
    <message>
        <source>%1 of your monthly quota used (%2 of %3)</source>
        <translation>이번 달 할당량의 %1를 사용했습니다(%3 중 %2).</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>A monthly period: %1 is the month&apos;s name, %2 the year (&quot;November 2026&quot;; Korean &quot;2026년 11월&quot;).</extracomment>
        <translation>%2년 %1</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Print at a printer</source>
        <translation>프린터에서 인쇄</translation>
    </message>
    <message numerus="yes">
        <source>Choose the printer to print the %n selected job(s) at. Collect them there right away: they come out as soon as you choose.</source>
        <translation>
            <numerusform>선택한 작업 %n건을 인쇄할 프린터를 고르세요. 고르는 즉시 출력되니 바로 찾아가세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print here</source>
        <translation>여기서 인쇄</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Looking for printers...</source>
        <translation>프린터를 찾는 중...</translation>
    </message>
    <message>
        <source>No printers are set up yet. Ask the print admin.</source>
        <translation>아직 등록된 프린터가 없습니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Printers that cannot print now are greyed out; choose another one nearby.</source>
        <translation>지금 인쇄할 수 없는 프린터는 흐리게 표시됩니다. 가까운 다른 프린터를 고르세요.</translation>
    </message>
    <message>
        <source>The print server cannot be reached, so whether a printer is ready is not known. Check the network connection; the list updates when the server answers again.</source>
        <translation>인쇄 서버에 연결할 수 없어 프린터가 준비되었는지 알 수 없습니다. 네트워크 연결을 확인하세요. 서버가 다시 응답하면 목록이 바로 갱신됩니다.</translation>
    </message>
    <message>
        <source>The printers that are ready cannot print the selected jobs as they are set up (two-sided, colour or copies). Change that under Options, then print.</source>
        <translation>준비된 프린터로는 선택한 작업을 지금 설정(양면, 컬러, 부수)대로 인쇄할 수 없습니다. 옵션에서 설정을 바꾼 뒤 인쇄하세요.</translation>
    </message>
</context>
<context>
    <name>SentFaxModel</name>
    <message>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>받는 곳</translation>
    </message>
    <message>
        <source>Fax number</source>
        <translation>팩스 번호</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>보낸 시각</translation>
    </message>
</context>
<context>
    <name>SentFaxWindow</name>
    <message>
        <source>Sent faxes - MPS</source>
        <translation>보낸 팩스 - MPS</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>다시 보내기(&amp;A)</translation>
    </message>
    <message>
        <source>Send the selected fax again (faxes not sent or cancelled)</source>
        <translation>고른 팩스를 다시 보냅니다(보내지 못했거나 취소한 팩스)</translation>
    </message>
    <message>
        <source>&amp;Cancel fax</source>
        <translation>팩스 취소(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the selected fax before it is sent</source>
        <translation>고른 팩스가 나가기 전에 멈춥니다</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New fax...</source>
        <translation>새 팩스(&amp;N)...</translation>
    </message>
    <message>
        <source>Faxes</source>
        <translation>팩스</translation>
    </message>
    <message>
        <source>Select a fax to see how it went.</source>
        <translation>팩스를 고르면 어떻게 되었는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>불러오는 중...</translation>
    </message>
    <message>
        <source>No faxes sent in the last 90 days.

Print to &quot;MPS Fax&quot; from any program, or choose &quot;New fax...&quot; above to send a document.</source>
        <translation>최근 90일 동안 보낸 팩스가 없습니다.

아무 프로그램에서나 &quot;MPS Fax&quot;로 인쇄하거나, 위의 &quot;새 팩스...&quot;를 눌러 문서를 보내세요.</translation>
    </message>
    <message>
        <source>Sending again...</source>
        <translation>다시 보내는 중...</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>취소하는 중...</translation>
    </message>
</context>
<context>
    <name>ServerErrorText</name>
    <message>
        <source>one-sided</source>
        <translation>단면</translation>
    </message>
    <message>
        <source>two-sided (long edge)</source>
        <translation>양면(긴 쪽 넘김)</translation>
    </message>
    <message>
        <source>two-sided (short edge)</source>
        <translation>양면(짧은 쪽 넘김)</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>컬러</translation>
    </message>
    <message>
        <source>black and white</source>
        <translation>흑백</translation>
    </message>
    <message>
        <source>as in the document</source>
        <translation>문서 그대로</translation>
    </message>
    <message numerus="yes">
        <source>%n copies</source>
        <translation>
            <numerusform>%n부</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printer %1 prints at most %n copies at a time. The job is still held: choose fewer copies under Options, or another printer.</source>
        <translation>
            <numerusform>%1 프린터는 한 번에 최대 %n부까지 인쇄합니다. 작업은 출력 대기 중이니 옵션에서 부수를 줄이거나 다른 프린터를 고르세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printer %1 cannot print %2. The job is still held: choose one-sided under Options, or another printer.</source>
        <translation>%1 프린터는 %2 인쇄를 할 수 없습니다. 작업은 출력 대기 중이니 옵션에서 단면을 고르거나 다른 프린터를 고르세요.</translation>
    </message>
    <message>
        <source>Printer %1 cannot print in %2. The job is still held: choose black and white under Options, or another printer.</source>
        <translation>%1 프린터는 %2 인쇄를 할 수 없습니다. 작업은 출력 대기 중이니 옵션에서 흑백을 고르거나 다른 프린터를 고르세요.</translation>
    </message>
    <message>
        <source>Printer %1 cannot print with these options. The job is still held: change the options, or choose another printer.</source>
        <translation>%1 프린터는 이 옵션으로 인쇄할 수 없습니다. 작업은 출력 대기 중이니 옵션을 바꾸거나 다른 프린터를 고르세요.</translation>
    </message>
    <message>
        <source>This kind of file cannot be printed. Open it in its program and save it as PDF, then print the PDF.</source>
        <translation>이 형식의 파일은 인쇄할 수 없습니다. 해당 프로그램에서 열어 PDF로 저장한 뒤 PDF를 인쇄하세요.</translation>
    </message>
    <message>
        <source>%1 files cannot be printed. Open the file in its program and save it as PDF, then print the PDF.</source>
        <translation>%1 파일은 인쇄할 수 없습니다. 해당 프로그램에서 열어 PDF로 저장한 뒤 PDF를 인쇄하세요.</translation>
    </message>
    <message>
        <source>This Hangul document (%1) cannot be converted on the server. Open it in Hangul and save it as PDF, then print the PDF.</source>
        <translation>이 한글 문서(%1)는 서버에서 변환할 수 없습니다. 한글(한컴오피스)에서 열어 PDF로 저장한 뒤 PDF를 인쇄하세요.</translation>
    </message>
    <message>
        <source>The document is protected with a password. Open it, save a copy without the password or as PDF, and print that.</source>
        <translation>암호가 걸린 문서입니다. 문서를 열어 암호 없이 사본을 저장하거나 PDF로 저장한 뒤 인쇄하세요.</translation>
    </message>
    <message>
        <source>The document is damaged or not what its name says and cannot be read. Open it in its program, save it as PDF and print the PDF.</source>
        <translation>문서가 손상되었거나 파일 이름과 형식이 달라 읽을 수 없습니다. 해당 프로그램에서 열어 PDF로 저장한 뒤 PDF를 인쇄하세요.</translation>
    </message>
    <message>
        <source>The server could not convert the document to print it. Save it as PDF in its program and print the PDF.</source>
        <translation>서버가 인쇄할 수 있도록 문서를 변환하지 못했습니다. 해당 프로그램에서 PDF로 저장한 뒤 PDF를 인쇄하세요.</translation>
    </message>
    <message>
        <source>The server is converting many documents right now. Try again in a minute.</source>
        <translation>지금 서버가 많은 문서를 변환하고 있습니다. 1분쯤 뒤에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The document is too large for the server. Print it in parts or ask the print admin.</source>
        <translation>문서가 너무 커서 서버에 보낼 수 없습니다. 나누어 인쇄하거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>This job would go over a monthly print quota, so it was not printed and is still held. Print fewer pages, in black and white or on both sides, or ask your department head.</source>
        <translation>이 작업을 인쇄하면 이번 달 인쇄 할당량을 넘기 때문에 인쇄하지 않았고 작업은 출력 대기 중입니다. 쪽수를 줄이거나 흑백·양면으로 인쇄하거나, 부서장에게 문의하세요.</translation>
    </message>
    <message>
        <source>You have used most of a monthly print quota. Open Usage to see what is left.</source>
        <translation>이번 달 인쇄 할당량을 거의 다 썼습니다. 사용량 창에서 남은 금액을 확인하세요.</translation>
    </message>
    <message>
        <source>These print options are not valid. Choose 1 to 999 copies and one of the offered sides and colours.</source>
        <translation>인쇄 옵션이 올바르지 않습니다. 부수는 1~999부로, 면과 색상은 목록에 있는 것 중에서 고르세요.</translation>
    </message>
    <message>
        <source>The job is no longer held: it is printing, was printed or was deleted. The list shows its state now.</source>
        <translation>이 작업은 더 이상 출력 대기 중이 아닙니다. 인쇄 중이거나 이미 인쇄되었거나 삭제되었습니다. 목록에서 지금 상태를 확인하세요.</translation>
    </message>
    <message>
        <source>The printer is no longer set up on the server. Choose another printer.</source>
        <translation>서버에 더 이상 등록되어 있지 않은 프린터입니다. 다른 프린터를 고르세요.</translation>
    </message>
    <message>
        <source>At a kiosk, jobs can only be printed at the kiosk&apos;s own printer.</source>
        <translation>키오스크에서는 그 키오스크에 연결된 프린터로만 인쇄할 수 있습니다.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>이 작업을 할 권한이 없습니다.</translation>
    </message>
    <message>
        <source>The server could not store the document. Try again later or ask the print admin.</source>
        <translation>서버가 문서를 저장하지 못했습니다. 나중에 다시 시도하거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>This document is still being received. It appears in My jobs in a moment.</source>
        <translation>문서를 아직 받는 중입니다. 잠시 후 내 인쇄 작업에 나타납니다.</translation>
    </message>
    <message>
        <source>The user name or password is not correct. Check them and try again.</source>
        <translation>사용자 이름이나 비밀번호가 맞지 않습니다. 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>사용자 이름과 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>There were too many attempts. Wait a few minutes and try again.</source>
        <translation>시도 횟수가 너무 많습니다. 몇 분 뒤에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>This account is turned off. Ask the print admin.</source>
        <translation>사용이 중지된 계정입니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>로그인이 만료되었습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>There is no such user on the server.</source>
        <translation>서버에 없는 사용자입니다.</translation>
    </message>
    <message>
        <source>There is no such department on the server.</source>
        <translation>서버에 없는 부서입니다.</translation>
    </message>
    <message>
        <source>This card is not linked to anyone yet. Link it at a kiosk with your user name and password.</source>
        <translation>아직 아무에게도 연결되지 않은 카드입니다. 키오스크에서 사용자 이름과 비밀번호로 카드를 연결하세요.</translation>
    </message>
    <message>
        <source>This card is already linked to another person. Ask the print admin.</source>
        <translation>이미 다른 사람에게 연결된 카드입니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The fingerprint was not recognised. Try again, or sign in with your card or password.</source>
        <translation>지문을 인식하지 못했습니다. 다시 시도하거나 카드 또는 비밀번호로 로그인하세요.</translation>
    </message>
    <message>
        <source>The sign-in took too long. Start again.</source>
        <translation>로그인 시간이 초과되었습니다. 처음부터 다시 하세요.</translation>
    </message>
    <message>
        <source>The fingerprint could not be read. Enrol it again.</source>
        <translation>지문을 읽을 수 없습니다. 지문을 다시 등록하세요.</translation>
    </message>
    <message>
        <source>Fingerprints are stored only with your consent. Read what is stored and agree first.</source>
        <translation>지문은 동의한 경우에만 저장됩니다. 무엇이 저장되는지 읽고 먼저 동의하세요.</translation>
    </message>
    <message>
        <source>You have no fingerprint stored.</source>
        <translation>저장된 지문이 없습니다.</translation>
    </message>
    <message>
        <source>The month asked for is not valid. Choose another month.</source>
        <translation>요청한 달이 올바르지 않습니다. 다른 달을 고르세요.</translation>
    </message>
    <message>
        <source>The server did not accept the request. Update the app or ask the print admin.</source>
        <translation>서버가 요청을 받아들이지 않았습니다. 앱을 업데이트하거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The server does not know this request. Check the server address.</source>
        <translation>서버가 이 요청을 알지 못합니다. 서버 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The server is checking many sign-ins right now. Try again in a moment.</source>
        <translation>지금 서버에 로그인 요청이 몰려 있습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Too many windows of yours are following the server at once. Close MPS on a computer you no longer use; this one reconnects by itself.</source>
        <translation>내 계정으로 서버에 연결된 창이 너무 많습니다. 더 이상 쓰지 않는 컴퓨터의 MPS를 닫으세요. 이 컴퓨터는 스스로 다시 연결합니다.</translation>
    </message>
    <message>
        <source>Your account has no e-mail address, so scans cannot be sent to you. Ask the print admin to add one.</source>
        <translation>계정에 이메일 주소가 없어 스캔을 보낼 수 없습니다. 인쇄 관리자에게 주소 등록을 요청하세요.</translation>
    </message>
    <message>
        <source>Scanning to e-mail is not set up on the print server. Tell the print admin.</source>
        <translation>인쇄 서버에 이메일로 스캔 기능이 설정되어 있지 않습니다. 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>The scan is too large for one e-mail. Send the pages scanned so far and scan the rest separately.</source>
        <translation>스캔이 이메일 한 통에 담기에는 너무 큽니다. 지금까지 스캔한 페이지를 먼저 보내고 나머지는 따로 스캔하세요.</translation>
    </message>
    <message>
        <source>The print server could not read a scanned page. Scan it again.</source>
        <translation>인쇄 서버가 스캔한 페이지를 읽지 못했습니다. 다시 스캔하세요.</translation>
    </message>
    <message>
        <source>There is nothing to send yet. Scan a page first.</source>
        <translation>아직 보낼 페이지가 없습니다. 먼저 한 페이지를 스캔하세요.</translation>
    </message>
    <message>
        <source>The print server&apos;s storage is full, so the document was not stored. Try again later; tell the print admin if this lasts.</source>
        <translation>인쇄 서버의 저장 공간이 가득 차서 문서를 저장하지 못했습니다. 나중에 다시 시도하고, 계속 그러면 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>Your waiting jobs take %1 MB, and the server keeps at most %2 MB for one person. Print or delete some of them, then send this document again.</source>
        <translation>대기 중인 작업이 %1MB를 차지하고, 서버는 한 사람당 최대 %2MB까지 보관합니다. 일부를 인쇄하거나 삭제한 뒤 이 문서를 다시 보내 주세요.</translation>
    </message>
    <message numerus="yes">
        <source>You already have %n job(s) waiting, the most the server keeps for one person. Print or delete some of them, then send this document again.</source>
        <translation>
            <numerusform>대기 중인 작업이 이미 %n개로, 서버가 한 사람당 보관하는 최대 개수입니다. 일부를 인쇄하거나 삭제한 뒤 이 문서를 다시 보내 주세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>The document has more than %1 pages, more than the server takes in one job. Print it in parts.</source>
        <translation>문서가 %1쪽보다 많아 서버가 한 작업으로 받을 수 없습니다. 나누어 인쇄하세요.</translation>
    </message>
    <message numerus="yes">
        <source>You are already sending %n document(s) to the server, the most it takes from one person at once. Wait until they have arrived, then send this one again.</source>
        <translation>
            <numerusform>이미 문서 %n개를 서버로 보내는 중이며, 서버는 한 사람에게서 한 번에 그만큼만 받습니다. 보내는 문서가 모두 도착한 뒤 이 문서를 다시 보내 주세요.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Your session has ended. Sign in again to see and print your jobs; anything you print meanwhile is kept and sent after you sign in.</source>
        <translation>로그인이 만료되었습니다. 작업을 보고 인쇄하려면 다시 로그인하세요. 그동안 인쇄한 문서는 보관했다가 로그인하면 보냅니다.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings - MPS Secure Print</source>
        <translation>설정 - MPS 보안 인쇄</translation>
    </message>
    <message>
        <source>Not set up yet</source>
        <translation>아직 설정되지 않음</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>시스템 설정 따름</translation>
    </message>
    <message>
        <source>Tell me when jobs are held, printed or about to expire</source>
        <translation>작업이 출력 대기에 들어가거나 인쇄되거나 곧 만료될 때 알림 받기</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>서버:</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>로그인 사용자:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Certificate check code:</source>
        <translation>인증서 확인 코드:</translation>
    </message>
    <message>
        <source>Delete my fingerprint...</source>
        <translation>내 지문 삭제...</translation>
    </message>
    <message>
        <source>Stored on the print server for signing in at the kiosks.</source>
        <translation>키오스크 로그인용으로 인쇄 서버에 저장되어 있습니다.</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>지문:</translation>
    </message>
    <message>
        <source>To use another server, sign out and sign in again.</source>
        <translation>다른 서버를 쓰려면 로그아웃한 뒤 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>Delete my fingerprint</source>
        <translation>내 지문 삭제</translation>
    </message>
    <message>
        <source>Delete your fingerprint from the print server?</source>
        <translation>인쇄 서버에서 내 지문을 삭제할까요?</translation>
    </message>
    <message>
        <source>The fingerprint template and your consent are deleted at once and cannot be restored. At the kiosks you then sign in with your card, PIN or password; you can enrol a fingerprint again at a kiosk whenever you like.</source>
        <translation>지문 정보와 동의 기록이 바로 삭제되며 되돌릴 수 없습니다. 이후 키오스크에서는 카드, PIN 또는 비밀번호로 로그인합니다. 원하면 언제든 키오스크에서 지문을 다시 등록할 수 있습니다.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Deleting...</source>
        <translation>삭제하는 중...</translation>
    </message>
    <message>
        <source>Deleted. None is stored now.</source>
        <translation>삭제했습니다. 이제 저장된 지문이 없습니다.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>삭제하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in - MPS Secure Print</source>
        <translation>로그인 - MPS 보안 인쇄</translation>
    </message>
    <message>
        <source>Sign in to MPS Secure Print</source>
        <translation>MPS 보안 인쇄 로그인</translation>
    </message>
    <message>
        <source>Sign in with your staff account to see the documents you printed and release them at any printer.</source>
        <translation>직원 계정으로 로그인하면 인쇄한 문서를 확인하고 원하는 프린터에서 출력할 수 있습니다.</translation>
    </message>
    <message>
        <source>https://print.example.org:8631</source>
        <translation>https://print.example.org:8631</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>서버(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>사용자 이름(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>비밀번호(&amp;P):</translation>
    </message>
    <message>
        <source>Check the server&apos;s identity</source>
        <translation>서버 확인</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Trust and sign in</source>
        <translation>신뢰하고 로그인</translation>
    </message>
    <message>
        <source>Enter the print server&apos;s address, for example https://print.example.org:8631.</source>
        <translation>인쇄 서버 주소를 입력하세요. 예: https://print.example.org:8631</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>사용자 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Certificate issued to: %1</source>
        <translation>인증서 발급 대상: %1</translation>
    </message>
    <message>
        <source>This computer&apos;s certificate authorities also vouch for it.</source>
        <translation>이 컴퓨터의 인증 기관도 이 인증서를 보증합니다.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be read. Try again.</source>
        <translation>서버 인증서를 읽을 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Certificate check code:</source>
        <translation>인증서 확인 코드:</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since you last signed in. This happens when the server is renewed, but it can also mean that someone is intercepting the connection. Sign in only if IT support confirms the check code below.</source>
        <translation>마지막으로 로그인한 뒤 %1 서버의 인증서가 바뀌었습니다. 서버를 갱신하면 이럴 수 있지만, 누군가 연결을 가로채고 있을 수도 있습니다. 전산 담당자가 아래 인증서 확인 코드를 확인해 준 경우에만 로그인하세요.</translation>
    </message>
    <message>
        <source>This computer has not connected to %1 before. Compare the certificate check code below with the one IT support published. Sign in only if they are the same.</source>
        <translation>이 컴퓨터는 %1 서버에 처음 연결합니다. 아래 인증서 확인 코드를 전산 담당자가 공지한 코드와 비교하고, 같을 때만 로그인하세요.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>The tray app could not start because its runtime folder %1 is not writable.</source>
        <translation>실행 폴더 %1에 쓸 수 없어 트레이 앱을 시작하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>StateReasonText</name>
    <message>
        <source>%1 has a paper jam. Your job is still held: print it at another printer, or try again once the jam is cleared.</source>
        <translation>%1 프린터에 용지가 걸렸습니다. 작업은 계속 출력 대기 중이니 다른 프린터에서 인쇄하거나, 걸린 용지를 제거한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1 is out of paper. Your job is still held: print it at another printer, or try again once paper is loaded.</source>
        <translation>%1 프린터에 용지가 없습니다. 작업은 계속 출력 대기 중이니 다른 프린터에서 인쇄하거나, 용지를 넣은 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1 is out of toner. Your job is still held: print it at another printer, or try again once the toner is replaced.</source>
        <translation>%1 프린터에 토너가 없습니다. 작업은 계속 출력 대기 중이니 다른 프린터에서 인쇄하거나, 토너를 교체한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>A cover of %1 is open. Your job is still held: close it and try again, or print it at another printer.</source>
        <translation>%1 프린터의 덮개가 열려 있습니다. 문서는 그대로 보관되니 덮개를 닫고 다시 출력하거나 다른 프린터에서 출력하세요.</translation>
    </message>
    <message>
        <source>A door or cover of %1 is open. Your job is still held: print it at another printer, or try again once it is closed.</source>
        <translation>%1 프린터의 문이나 덮개가 열려 있습니다. 작업은 계속 출력 대기 중이니 다른 프린터에서 인쇄하거나, 닫은 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1 cannot be reached. Your job is still held: print it at another printer, or try again later.</source>
        <translation>%1 프린터에 연결할 수 없습니다. 작업은 계속 출력 대기 중이니 다른 프린터에서 인쇄하거나 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1 cannot print now. Your job is still held: print it at another printer, or try again later.</source>
        <translation>%1 프린터는 지금 인쇄할 수 없습니다. 작업은 계속 출력 대기 중이니 다른 프린터에서 인쇄하거나 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1 cannot print now (%2). Your job is still held: print it at another printer, or try again once the problem is fixed.</source>
        <translation>%1 프린터는 지금 인쇄할 수 없습니다(%2). 작업은 계속 출력 대기 중이니 다른 프린터에서 인쇄하거나, 문제가 해결된 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1 cannot print %2 documents. Your job is still held: print it at another printer.</source>
        <translation>%1 프린터는 %2 문서를 인쇄할 수 없습니다. 작업은 계속 출력 대기 중이니 다른 프린터에서 인쇄하세요.</translation>
    </message>
    <message>
        <source>The print server could not read this job&apos;s document. Send it again from your computer, or tell the print admin.</source>
        <translation>출력 서버에서 이 문서를 읽을 수 없습니다. 컴퓨터에서 문서를 다시 보내거나 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>The print server could not read this job&apos;s document. Print the document again, or tell the print admin.</source>
        <translation>인쇄 서버가 이 작업의 문서를 읽을 수 없습니다. 문서를 다시 인쇄하거나 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>%1 stayed busy for too long. Your job is still held: try again in a moment, or print it at another printer.</source>
        <translation>%1 프린터가 너무 오랫동안 다른 작업을 처리하고 있었습니다. 작업은 계속 출력 대기 중이니 잠시 후 다시 시도하거나 다른 프린터에서 인쇄하세요.</translation>
    </message>
    <message>
        <source>%1 reported a problem (%2). Your job is still held: try again, or print it at another printer.</source>
        <translation>%1 프린터에서 문제가 발생했습니다(%2). 작업은 계속 출력 대기 중이니 다시 시도하거나 다른 프린터에서 인쇄하세요.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost while your job was printing, so it may have printed. Check the printer before you print it again.</source>
        <translation>인쇄 중에 %1 프린터와의 연결이 끊어져 이미 인쇄되었을 수도 있습니다. 다시 인쇄하기 전에 프린터를 확인하세요.</translation>
    </message>
    <message>
        <source>%1 stopped your job before it was finished. It is held again and was not charged: check the printer, then print it again.</source>
        <translation>%1 프린터가 작업을 끝내지 못하고 중단했습니다. 작업은 다시 출력 대기 상태가 되었으며 과금되지 않았습니다. 프린터를 확인한 뒤 다시 인쇄하세요.</translation>
    </message>
    <message>
        <source>Your job was canceled at %1. It is held again and was not charged: print it again whenever you need it.</source>
        <translation>%1 프린터에서 작업이 취소되었습니다. 작업은 다시 출력 대기 상태가 되었으며 과금되지 않았습니다. 필요할 때 다시 인쇄하세요.</translation>
    </message>
    <message>
        <source>The print server stopped while your job was being sent to the printer, so it may have printed. Check the printer before you print it again.</source>
        <translation>프린터로 작업을 보내는 중에 인쇄 서버가 중지되어 이미 인쇄되었을 수도 있습니다. 다시 인쇄하기 전에 프린터를 확인하세요.</translation>
    </message>
    <message>
        <source>The print server stopped while your job was being sent to %1, so it may have printed. Check the printer before you print it again.</source>
        <translation>%1 프린터로 작업을 보내는 중에 인쇄 서버가 중지되어 이미 인쇄되었을 수도 있습니다. 다시 인쇄하기 전에 프린터를 확인하세요.</translation>
    </message>
    <message>
        <source>Deleted by %1.</source>
        <translation>%1 님이 삭제했습니다.</translation>
    </message>
    <message>
        <source>Not printed within the hold time, so it was deleted. Send it again if you still need it.</source>
        <translation>보관 기간 안에 출력되지 않아 삭제되었습니다. 아직 필요하면 컴퓨터에서 다시 보내세요.</translation>
    </message>
    <message>
        <source>Not printed within the hold time, so it was deleted. Print the document again if you still need it.</source>
        <translation>보관 기간 안에 인쇄되지 않아 삭제되었습니다. 아직 필요하면 문서를 다시 인쇄하세요.</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>Access to the keychain was refused. Unlock the keychain and sign in again.</source>
        <translation>키체인 접근이 거부되었습니다. 키체인 잠금을 풀고 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>No keychain is available on this desktop, so you will have to sign in each time.</source>
        <translation>이 컴퓨터에는 키체인이 없어 매번 로그인해야 합니다.</translation>
    </message>
    <message>
        <source>The keychain could not be used. Sign in again; if this keeps happening, ask IT support.</source>
        <translation>키체인을 사용할 수 없습니다. 다시 로그인하세요. 계속 이러면 전산 담당자에게 문의하세요.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>My jobs</source>
        <translation>내 작업</translation>
    </message>
    <message>
        <source>Print a file...</source>
        <translation>파일 인쇄...</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>설정...</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>MPS Secure Print</source>
        <translation>MPS 보안 인쇄</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>다시 로그인하세요</translation>
    </message>
    <message>
        <source>Sign out (%1)</source>
        <translation>로그아웃 (%1)</translation>
    </message>
    <message>
        <source>Sign in...</source>
        <translation>로그인...</translation>
    </message>
    <message>
        <source>MPS Secure Print - not signed in</source>
        <translation>MPS 보안 인쇄 - 로그인 안 됨</translation>
    </message>
    <message numerus="yes">
        <source>MPS Secure Print - %n job(s) held, not connected to the server</source>
        <translation>
            <numerusform>MPS 보안 인쇄 - 출력 대기 %n건, 서버에 연결되지 않음</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MPS Secure Print - %n job(s) held</source>
        <translation>
            <numerusform>MPS 보안 인쇄 - 출력 대기 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n printed document(s) waiting to be sent</source>
        <translation>
            <numerusform>보낼 문서 %n건 대기 중</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>사용량</translation>
    </message>
    <message>
        <source>History</source>
        <translation>인쇄 기록</translation>
    </message>
    <message>
        <source>Send fax...</source>
        <translation>팩스 보내기...</translation>
    </message>
    <message>
        <source>Sent faxes</source>
        <translation>보낸 팩스</translation>
    </message>
    <message>
        <source>Fax inbox</source>
        <translation>받은 팩스</translation>
    </message>
    <message numerus="yes">
        <source>Fax inbox (%n unread)</source>
        <translation>
            <numerusform>받은 팩스 (안 읽음 %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Fax queued</source>
        <translation>팩스 대기 중</translation>
    </message>
    <message numerus="yes">
        <source>%n fax(es) queued. The tray tells you when they have been sent.</source>
        <translation>
            <numerusform>팩스 %n건이 대기 중입니다. 다 보내지면 트레이에서 알려 드립니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a file as fax</source>
        <translation>파일을 팩스로 보내기</translation>
    </message>
    <message>
        <source>Documents and pictures (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf *.txt *.hwp *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif)</source>
        <translation>문서와 그림 (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf *.txt *.hwp *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>장치</translation>
    </message>
</context>
<context>
    <name>TrendModel</name>
    <message>
        <source>Month</source>
        <translation>월</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>쪽수</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>절감액</translation>
    </message>
</context>
<context>
    <name>UsageController</name>
    <message>
        <source>You may not see this report. Department heads see their own departments; ask the print admin if you need more.</source>
        <translation>이 보고서를 볼 권한이 없습니다. 부서장은 자기 부서만 볼 수 있으니, 더 필요하면 관리자에게 요청하세요.</translation>
    </message>
    <message>
        <source>Choose a department first.</source>
        <translation>먼저 부서를 선택하세요.</translation>
    </message>
    <message>
        <source>The report was not exported: %1</source>
        <translation>보고서를 내보내지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The report could not be saved as %1 (%2). Choose another folder.</source>
        <translation>보고서를 저장하지 못했습니다(%1: %2). 다른 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>저장했습니다: %1</translation>
    </message>
    <message>
        <source>This print server does not report usage yet. Ask the print admin to update it.</source>
        <translation>이 인쇄 서버는 아직 사용량을 제공하지 않습니다. 관리자에게 서버 업데이트를 요청하세요.</translation>
    </message>
</context>
<context>
    <name>UsageWindow</name>
    <message>
        <source>Usage - MPS Secure Print</source>
        <translation>사용량 - MPS 보안 인쇄</translation>
    </message>
    <message>
        <source>My usage</source>
        <translation>내 사용량</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>할당량</translation>
    </message>
    <message>
        <source>What you saved</source>
        <translation>절감한 내역</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>부서(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>월(&amp;M):</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>CSV 내보내기...</translation>
    </message>
    <message>
        <source>Save each member&apos;s usage in this month as a CSV file for the finance office</source>
        <translation>이 달의 직원별 사용량을 재무 담당 부서에 보낼 CSV 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Department quota</source>
        <translation>부서 할당량</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>절감 효과</translation>
    </message>
    <message>
        <source>Printers used</source>
        <translation>사용한 프린터</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>부서 사용량</translation>
    </message>
    <message>
        <source>Your printing this month</source>
        <translation>이번 달 내 인쇄</translation>
    </message>
    <message>
        <source>Your printing in %1</source>
        <translation>%1 내 인쇄</translation>
    </message>
    <message>
        <source>You have no print quota: print what you need. You have spent %1 this month.</source>
        <translation>인쇄 할당량이 없으니 필요한 만큼 인쇄하세요. 이번 달 사용액은 %1입니다.</translation>
    </message>
    <message>
        <source>Loading your usage...</source>
        <translation>사용량을 불러오는 중...</translation>
    </message>
    <message>
        <source>Nothing printed in the last 12 months yet.

Print to &quot;MPS Secure Print&quot; and collect your jobs at any printer: your monthly cost appears here.</source>
        <translation>최근 12개월 동안 인쇄한 내역이 없습니다.

&quot;MPS Secure Print&quot;로 인쇄하고 아무 프린터에서나 출력하면 월별 비용이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Your last 12 months</source>
        <translation>최근 12개월 내 사용량</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>인쇄</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>절감</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>아직 표시할 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Printed on both sides: %1 of your pages</source>
        <translation>양면 인쇄: 전체 쪽수의 %1</translation>
    </message>
    <message>
        <source>Printed in black and white: %1 of your pages</source>
        <translation>흑백 인쇄: 전체 쪽수의 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 has no quota this month. The print admin can set one.</source>
        <translation>%1에는 이번 달 할당량이 없습니다. 관리자가 설정할 수 있습니다.</translation>
    </message>
    <message>
        <source>There is no department you may report on. Ask the print admin to make you the head of your department.</source>
        <translation>조회할 수 있는 부서가 없습니다. 관리자에게 부서장 지정을 요청하세요.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>불러오는 중...</translation>
    </message>
    <message>
        <source>Loading the members of %1...</source>
        <translation>%1 직원의 사용량을 불러오는 중...</translation>
    </message>
    <message>
        <source>Nobody in %1 printed in %2. Choose another month or department.</source>
        <translation>%2에 %1에서 인쇄한 직원이 없습니다. 다른 달이나 부서를 선택하세요.</translation>
    </message>
    <message>
        <source>No printing to chart this month.</source>
        <translation>이 달에는 차트로 보여 줄 인쇄 내역이 없습니다.</translation>
    </message>
    <message>
        <source>Cost per member</source>
        <translation>직원별 비용</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>%1 has printed nothing in the last 12 months.</source>
        <translation>%1에서 최근 12개월 동안 인쇄한 내역이 없습니다.</translation>
    </message>
    <message>
        <source>%1, last 12 months</source>
        <translation>%1 최근 12개월</translation>
    </message>
    <message>
        <source>No printer was used in this month.</source>
        <translation>이 달에 사용한 프린터가 없습니다.</translation>
    </message>
    <message>
        <source>On %1&apos;s own printers: %2 pages (%3). On other departments&apos; printers: %4 pages (%5).</source>
        <translation>%1 소속 프린터: %2쪽(%3). 다른 부서 프린터: %4쪽(%5).</translation>
    </message>
    <message>
        <source>Nothing to compare yet.</source>
        <translation>아직 비교할 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Pages per person</source>
        <translation>1인당 쪽수</translation>
    </message>
    <message>
        <source>Sheets per person</source>
        <translation>1인당 용지(장)</translation>
    </message>
    <message>
        <source>Colour share</source>
        <translation>컬러 비율</translation>
    </message>
    <message>
        <source>Jobs never printed</source>
        <translation>인쇄하지 않은 작업</translation>
    </message>
    <message>
        <source>People who printed</source>
        <translation>인쇄한 인원</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>증감</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Savings: %1 against %2</source>
        <translation>절감 효과: %2 대비 %1</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>%1에 업데이트함</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>내보내는 중...</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;This month: %1 and %Ln sheet(s) of paper saved&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;이번 달 절감: %1, 용지 %Ln장&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Jobs you deleted or let expire instead of printing: %Ln, with %1 pages</source>
        <translation>
            <numerusform>인쇄하지 않고 삭제했거나 기한이 지난 작업: %Ln건, %1쪽</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last 12 months: %1 and %Ln sheet(s) saved</source>
        <translation>
            <numerusform>최근 12개월 절감: %1, 용지 %Ln장</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %2: %Ln member(s) printed %3 pages for %4.</source>
        <translation>
            <numerusform>%2 %1: 직원 %Ln명이 %3쪽을 인쇄했고 비용은 %4입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent something by mistake? Delete it in My jobs instead of printing it: it counts as saved.</source>
        <translation>실수로 보낸 문서가 있나요? 인쇄하지 말고 내 작업에서 삭제하세요. 절감한 것으로 집계됩니다.</translation>
    </message>
</context>
</TS>
