Attribute VB_Name = "GocKurul"
' Göç Kurulu düğmeleri: her düğme gockurul_excel.makro içindeki aynı adlı Python işlevini çağırır.
' Şerit (customUI14.xml) düğmeleri bu Sub'ları onAction ile çağırır.
Option Explicit

Sub KontrolEt(Optional control As Variant)
    ' Kontrol Et
    RunPython "import gockurul_excel.makro as m; m.kontrol_et()"
End Sub

Sub TakvimiHesapla(Optional control As Variant)
    ' Takvimi Hesapla
    RunPython "import gockurul_excel.makro as m; m.takvimi_hesapla()"
End Sub

Sub Tutanak(Optional control As Variant)
    ' Tutanak (Ek-1)
    RunPython "import gockurul_excel.makro as m; m.tutanak()"
End Sub

Sub KatilimciListesi(Optional control As Variant)
    ' Katılımcı Listesi (Ek-2)
    RunPython "import gockurul_excel.makro as m; m.katilimci_listesi()"
End Sub

Sub YillikRapor(Optional control As Variant)
    ' Yıllık Rapor (Ek-3)
    RunPython "import gockurul_excel.makro as m; m.yillik_rapor()"
End Sub

Sub GundemVeDavet(Optional control As Variant)
    ' Gündem ve Davet
    RunPython "import gockurul_excel.makro as m; m.gundem_ve_davet()"
End Sub

Sub EylemPlani(Optional control As Variant)
    ' Eylem Planı İzleme
    RunPython "import gockurul_excel.makro as m; m.eylem_plani()"
End Sub

Sub PlatformDosyalari(Optional control As Variant)
    ' Platform Dosyaları
    RunPython "import gockurul_excel.makro as m; m.platform_dosyalari()"
End Sub

Sub IlceKitaplariniBirlestir(Optional control As Variant)
    ' İlçe Kitaplarını Birleştir
    RunPython "import gockurul_excel.makro as m; m.ilce_kitaplarini_birlestir()"
End Sub

Sub Pdf(Optional control As Variant)
    ' PDF
    RunPython "import gockurul_excel.makro as m; m.pdf()"
End Sub

Sub YeniYilaDevret(Optional control As Variant)
    ' Yeni Yıla Devret
    RunPython "import gockurul_excel.makro as m; m.yeni_yila_devret()"
End Sub
